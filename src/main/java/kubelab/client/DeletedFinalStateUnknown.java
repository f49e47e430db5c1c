package kubelab.client;

/**
 * What a delete handler receives when an object vanished while the informer was not watching:
 * a relist no longer contains it, so the informer knows it is gone but not its final state.
 * {@code obj} is the last state the cache had.
 *
 * <p>Real Kubernetes: {@code cache.DeletedFinalStateUnknown}, the "tombstone" controllers unwrap
 * in their delete handlers.
 */
public record DeletedFinalStateUnknown<T>(String key, T obj) {
}
