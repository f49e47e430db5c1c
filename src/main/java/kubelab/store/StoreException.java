package kubelab.store;

/**
 * Why a store call failed. Each case is a subclass, so callers can catch exactly what they handle;
 * the API server maps them onto Kubernetes errors (Compacted becomes 410 Expired, RevisionMismatch
 * becomes 409 Conflict, and so on).
 */
public abstract sealed class StoreException extends RuntimeException {

    protected StoreException(String message) {
        super(message, null, false, false);
    }

    /** The revision asked for has been compacted away. */
    public static final class Compacted extends StoreException {
        private final long requested;
        private final long compacted;

        public Compacted(long requested, long compacted) {
            super("required revision " + requested + " has been compacted (compacted revision " + compacted + ")");
            this.requested = requested;
            this.compacted = compacted;
        }

        public long requested() {
            return requested;
        }

        public long compacted() {
            return compacted;
        }
    }

    /** A read at a revision the store has not reached yet. */
    public static final class FutureRevision extends StoreException {
        public FutureRevision(long requested, long current) {
            super("required revision " + requested + " is a future revision (current revision " + current + ")");
        }
    }

    /** Create of a key that exists. */
    public static final class KeyExists extends StoreException {
        public KeyExists(String key) {
            super("key exists: " + key);
        }
    }

    /** Update or delete of a key that is absent. */
    public static final class KeyNotFound extends StoreException {
        public KeyNotFound(String key) {
            super("key not found: " + key);
        }
    }

    /** A compare-and-swap lost: the key changed since the caller read it. */
    public static final class RevisionMismatch extends StoreException {
        private final transient KeyValue current;

        public RevisionMismatch(String key, long expected, KeyValue current) {
            super("key " + key + " has modRevision " + current.modRevision() + ", expected " + expected);
            this.current = current;
        }

        /** The key's value now, so the caller can retry without another read. */
        public KeyValue current() {
            return current;
        }
    }

    /**
     * The store cannot be reached or has failed; also the cause a watch is ended with when its
     * store closes, or when the store ends it because its listener failed.
     */
    public static final class Unavailable extends StoreException {
        public Unavailable(String message) {
            super(message);
        }
    }
}
