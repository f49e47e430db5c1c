package kubelab.api.core;

import java.util.List;

/**
 * The keys of a ConfigMap placed into a projected volume.
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMapProjection}.
 */
public record ConfigMapProjection(String name, List<KeyToPath> items, Boolean optional) {
    public ConfigMapProjection {
        items = Copies.list(items);
    }
}
