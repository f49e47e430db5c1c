package kubelab.apiserver;

/**
 * What a delete did: {@code deleted} is true if the object is gone from the store, false if it
 * only got a deletionTimestamp and waits for finalizers or its grace period. {@code object} is the
 * object's last state either way.
 */
public record DeleteResult<T>(T object, boolean deleted) {
}
