package kubelab.api.core;

/**
 * The nodes a volume can be used from (a {@code local} volume names its one node); the scheduler
 * only places a pod using the volume on a node that matches.
 *
 * <p>Real Kubernetes: {@code corev1.VolumeNodeAffinity}.
 */
public record VolumeNodeAffinity(NodeSelector required) {
}
