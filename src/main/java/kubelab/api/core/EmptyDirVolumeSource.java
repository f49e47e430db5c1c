package kubelab.api.core;

import kubelab.api.resource.Quantity;

/**
 * A scratch directory that lives as long as the pod: on the node's disk, or in RAM with
 * {@code medium: Memory} (see {@link StorageMedium}); {@code sizeLimit} caps it. Written as
 * {@code emptyDir: {}} when both are absent.
 *
 * <p>Real Kubernetes: {@code corev1.EmptyDirVolumeSource}.
 */
public record EmptyDirVolumeSource(String medium, Quantity sizeLimit) {
}
