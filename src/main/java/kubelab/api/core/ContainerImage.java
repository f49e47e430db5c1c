package kubelab.api.core;

import java.util.List;

/**
 * An image present on a node, by all its names, with its size.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerImage}.
 */
public record ContainerImage(List<String> names, Long sizeBytes) {
    public ContainerImage {
        names = Copies.list(names);
    }
}
