package kubelab.api.core;

/**
 * A raw block volume (a claim with {@code volumeMode: Block}) exposed as a device file.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeDevice}.
 */
public record VolumeDevice(String name, String devicePath) {
}
