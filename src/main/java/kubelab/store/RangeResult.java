package kubelab.store;

import java.util.List;

/**
 * The answer to a range read: the keys found, the revision they were read at, and whether a limit
 * left keys out (read on from the key after the last one).
 */
public record RangeResult(List<KeyValue> kvs, long revision, boolean more) {
    public RangeResult {
        kvs = List.copyOf(kvs);
    }
}
