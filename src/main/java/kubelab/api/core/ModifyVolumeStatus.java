package kubelab.api.core;

/**
 * The progress of moving a claim's volume to another VolumeAttributesClass: {@code Pending},
 * {@code InProgress} or {@code Infeasible}.
 *
 * <p>Real Kubernetes: {@code corev1.ModifyVolumeStatus}.
 */
public record ModifyVolumeStatus(String targetVolumeAttributesClassName, String status) {
}
