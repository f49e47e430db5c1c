package kubelab.api.core;

import java.util.List;

/**
 * Linux capabilities added to and dropped from the container runtime's default set, e.g.
 * {@code add: [NET_ADMIN]}, {@code drop: [ALL]}.
 *
 * <p>Real Kubernetes: {@code corev1.Capabilities}.
 */
public record Capabilities(List<String> add, List<String> drop) {
    public Capabilities {
        add = Copies.list(add);
        drop = Copies.list(drop);
    }
}
