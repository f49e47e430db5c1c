package kubelab.apiserver;

/**
 * The patch formats, by the Content-Type that names each over HTTP.
 *
 * <p>Real Kubernetes: {@code types.PatchType}.
 */
public enum PatchType {
    /** RFC 6902: a list of operations (add, remove, replace, move, copy, test). */
    JSON("application/json-patch+json"),
    /** RFC 7386: a partial object; null deletes a field; lists are replaced whole. */
    MERGE("application/merge-patch+json"),
    /** Kubernetes' own: like a merge patch, but lists with a merge key are merged item by item. */
    STRATEGIC_MERGE("application/strategic-merge-patch+json"),
    /** Server-side apply: the whole intent of one field manager. */
    APPLY("application/apply-patch+yaml");

    private final String contentType;

    PatchType(String contentType) {
        this.contentType = contentType;
    }

    public String contentType() {
        return contentType;
    }

    /** The patch type for a Content-Type header, or null. */
    public static PatchType fromContentType(String contentType) {
        for (PatchType t : values()) {
            if (contentType != null && contentType.startsWith(t.contentType)) {
                return t;
            }
        }
        return null;
    }
}
