package kubelab.apiserver;

import kubelab.api.meta.Status;

/**
 * One event of an API watch.
 *
 * <ul>
 *   <li>ADDED, MODIFIED, DELETED: {@code object} is the object after the change (for DELETED, its
 *       last state, with the resourceVersion of the deletion).</li>
 *   <li>BOOKMARK: {@code object} is null and {@code resourceVersion} says how far the server has
 *       got, so a client can resume from there without replaying.</li>
 *   <li>ERROR: {@code error} is a Status, e.g. 410 Expired; the watch has ended.</li>
 * </ul>
 * A watch with a field or label selector sees an object leave the selection as DELETED and enter
 * it as ADDED, as in Kubernetes.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/watch.Event}.
 */
public record WatchEvent<T>(Type type, T object, String resourceVersion, Status error) {

    public enum Type { ADDED, MODIFIED, DELETED, BOOKMARK, ERROR }

    public static <T> WatchEvent<T> of(Type type, T object, String resourceVersion) {
        return new WatchEvent<>(type, object, resourceVersion, null);
    }

    public static <T> WatchEvent<T> bookmark(String resourceVersion) {
        return new WatchEvent<>(Type.BOOKMARK, null, resourceVersion, null);
    }

    public static <T> WatchEvent<T> error(Status status) {
        return new WatchEvent<>(Type.ERROR, null, null, status);
    }
}
