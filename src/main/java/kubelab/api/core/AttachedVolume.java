package kubelab.api.core;

/**
 * A volume the attach/detach controller has attached to a node, and where its device appears.
 *
 * <p>Real Kubernetes: {@code corev1.AttachedVolume}.
 */
public record AttachedVolume(String name, String devicePath) {
}
