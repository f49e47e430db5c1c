package kubelab.api.storage;

/**
 * Volume limits of a driver on a node: at most {@code count} volumes attached at once (null: no limit).
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeNodeResources}.
 */
public record VolumeNodeResources(Integer count) {
}
