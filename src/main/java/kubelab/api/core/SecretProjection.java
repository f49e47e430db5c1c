package kubelab.api.core;

import java.util.List;

/**
 * The keys of a Secret placed into a projected volume.
 *
 * <p>Real Kubernetes: {@code corev1.SecretProjection}.
 */
public record SecretProjection(String name, List<KeyToPath> items, Boolean optional) {
    public SecretProjection {
        items = Copies.list(items);
    }
}
