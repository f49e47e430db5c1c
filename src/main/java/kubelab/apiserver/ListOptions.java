package kubelab.apiserver;

/**
 * Options of list and watch, with Kubernetes' names and string forms.
 *
 * @param labelSelector       e.g. {@code app=web,tier!=db,env in (a,b)}; null for all
 * @param fieldSelector       e.g. {@code spec.nodeName=node-1}; null for all
 * @param resourceVersion     list: null for the latest; watch: start after this version
 * @param limit               at most this many items (0 for no limit)
 * @param continueToken       the token from a previous page
 * @param allowWatchBookmarks watch: also send BOOKMARK events
 * @param timeoutSeconds      watch: end after this long (null for never)
 *
 * <p>Real Kubernetes: {@code metav1.ListOptions}.
 */
public record ListOptions(String labelSelector, String fieldSelector, String resourceVersion, long limit,
                          String continueToken, boolean allowWatchBookmarks, Long timeoutSeconds) {

    public static final ListOptions ALL = new ListOptions(null, null, null, 0, null, false, null);

    public static ListOptions labels(String selector) {
        return ALL.withLabelSelector(selector);
    }

    public static ListOptions fields(String selector) {
        return ALL.withFieldSelector(selector);
    }

    public ListOptions withLabelSelector(String v) {
        return new ListOptions(v, fieldSelector, resourceVersion, limit, continueToken, allowWatchBookmarks, timeoutSeconds);
    }

    public ListOptions withFieldSelector(String v) {
        return new ListOptions(labelSelector, v, resourceVersion, limit, continueToken, allowWatchBookmarks, timeoutSeconds);
    }

    public ListOptions withResourceVersion(String v) {
        return new ListOptions(labelSelector, fieldSelector, v, limit, continueToken, allowWatchBookmarks, timeoutSeconds);
    }

    public ListOptions withLimit(long v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, v, continueToken, allowWatchBookmarks, timeoutSeconds);
    }

    public ListOptions withContinue(String v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, v, allowWatchBookmarks, timeoutSeconds);
    }

    public ListOptions withAllowWatchBookmarks(boolean v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, continueToken, v, timeoutSeconds);
    }

    public ListOptions withTimeoutSeconds(Long v) {
        return new ListOptions(labelSelector, fieldSelector, resourceVersion, limit, continueToken, allowWatchBookmarks, v);
    }
}
