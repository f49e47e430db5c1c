package kubelab.store;

import java.nio.charset.StandardCharsets;

/**
 * One version of one key, with etcd's bookkeeping: the revision that created the key, the revision
 * of this version, and how many times the key has been written since it was created.
 *
 * <p>Real Kubernetes: etcd's {@code mvccpb.KeyValue}.
 */
public record KeyValue(String key, byte[] value, long createRevision, long modRevision, long version) {

    /** The value as UTF-8 text (values here are JSON). */
    public String valueAsString() {
        return new String(value, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return key + "@" + modRevision + " (created " + createRevision + ", version " + version + ")";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof KeyValue kv && kv.key.equals(key) && kv.modRevision == modRevision
                && kv.createRevision == createRevision && kv.version == version
                && java.util.Arrays.equals(kv.value, value);
    }

    @Override
    public int hashCode() {
        return key.hashCode() * 31 + Long.hashCode(modRevision);
    }
}
