package kubelab.api.core;

/**
 * The operators of a {@link NodeSelectorRequirement}.
 *
 * <p>Real Kubernetes: {@code corev1.NodeSelectorOperator}.
 */
public final class NodeSelectorOperator {
    public static final String IN = "In";
    public static final String NOT_IN = "NotIn";
    public static final String EXISTS = "Exists";
    public static final String DOES_NOT_EXIST = "DoesNotExist";
    public static final String GT = "Gt";
    public static final String LT = "Lt";

    private NodeSelectorOperator() {
    }
}
