package kubelab.client.leaderelection;

import kubelab.apiserver.ApiException;

/**
 * The object a {@link LeaderElector} competes for. Writes are optimistic: {@link #update} sends
 * the resourceVersion of the object as last read or written through this lock, so of two
 * candidates that read the same version, one wins and the other gets a 409 Conflict.
 *
 * <p>Not thread-safe: one elector uses it, on its loop.
 *
 * <p>Real Kubernetes: {@code resourcelock.Interface} in {@code client-go/tools/leaderelection};
 * only its Lease implementation exists here ({@link LeaseLock}).
 */
public interface ResourceLock {

    /**
     * Reads the record, remembering the object's resourceVersion for the next {@link #update}.
     *
     * @throws ApiException NotFound (404) if the object does not exist yet; any other failure
     */
    LeaderElectionRecord get();

    /**
     * Creates the object holding {@code record}.
     *
     * @throws ApiException AlreadyExists (409) if another candidate created it first
     */
    void create(LeaderElectionRecord record);

    /**
     * Replaces the record, conditional on the resourceVersion last seen.
     *
     * @throws ApiException Conflict (409) if the object changed since; IllegalStateException if
     *                      it was never read or created through this lock
     */
    void update(LeaderElectionRecord record);

    /** Records an Event about the lock object, e.g. {@code "became leader"}; never fails. */
    void recordEvent(String what);

    /** The identity this lock writes as holder: unique per process, e.g. {@code host_uuid}. */
    String identity();

    /** The lock for messages: {@code kube-system/kube-scheduler}. */
    String describe();
}
