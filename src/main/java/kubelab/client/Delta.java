package kubelab.client;

/**
 * One change to one object as a {@link DeltaFIFO} records it: what happened and the object's state
 * after it (for a deletion, its last known state).
 *
 * <p>Real Kubernetes: {@code cache.Delta} and {@code cache.DeltaType}.
 *
 * @param type              what happened
 * @param object            the object after the change
 * @param finalStateUnknown for {@link Type#DELETED}: the deletion was inferred from a relist, not
 *                          seen in a watch event, so {@code object} may be older than its true
 *                          final state
 */
public record Delta<T>(Type type, T object, boolean finalStateUnknown) {

    public enum Type {
        /** A watch said ADDED. */
        ADDED,
        /** A watch said MODIFIED. */
        UPDATED,
        /** A watch said DELETED, or a relist no longer contained the object. */
        DELETED,
        /** The object was in a relist (it may or may not have changed). */
        REPLACED,
        /** A periodic resync: nothing changed, look again. */
        SYNC
    }

    public static <T> Delta<T> of(Type type, T object) {
        return new Delta<>(type, object, false);
    }
}
