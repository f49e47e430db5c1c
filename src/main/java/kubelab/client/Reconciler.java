package kubelab.client;

/**
 * A controller's one piece of logic: bring the object named by {@code key} to its desired state,
 * reading the current state from the informer caches (never from the event that queued the key).
 * Returning normally means done; throwing means "try again later" and the {@link Worker} re-queues
 * the key with back-off.
 *
 * <p>Real Kubernetes: a controller's {@code syncHandler} ({@code syncReplicaSet(key)}), or
 * controller-runtime's {@code Reconciler.Reconcile}.
 */
@FunctionalInterface
public interface Reconciler<T> {
    void reconcile(T key) throws Exception;
}
