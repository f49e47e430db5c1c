package kubelab.api.core;

/**
 * The condition types the namespace controller sets while it empties a terminating Namespace.
 *
 * <p>Real Kubernetes: {@code corev1.NamespaceConditionType}.
 */
public final class NamespaceConditionType {
    public static final String DELETION_DISCOVERY_FAILURE = "NamespaceDeletionDiscoveryFailure";
    public static final String DELETION_CONTENT_FAILURE = "NamespaceDeletionContentFailure";
    public static final String DELETION_GV_PARSING_FAILURE = "NamespaceDeletionGroupVersionParsingFailure";
    /** Objects are still left in the namespace. */
    public static final String CONTENT_REMAINING = "NamespaceContentRemaining";
    /** Objects in the namespace still wait for their finalizers. */
    public static final String FINALIZERS_REMAINING = "NamespaceFinalizersRemaining";

    private NamespaceConditionType() {
    }
}
