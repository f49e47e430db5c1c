package kubelab.api.core;

import java.util.List;

/**
 * Extra lines for the pod's {@code /etc/hosts}: one IP and its names.
 *
 * <p>Real Kubernetes: {@code corev1.HostAlias}.
 */
public record HostAlias(String ip, List<String> hostnames) {
    public HostAlias {
        hostnames = Copies.list(hostnames);
    }
}
