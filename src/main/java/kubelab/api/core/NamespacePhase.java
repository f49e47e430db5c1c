package kubelab.api.core;

/**
 * The values of a Namespace's {@code status.phase}.
 *
 * <p>Real Kubernetes: {@code corev1.NamespacePhase}.
 */
public final class NamespacePhase {
    /** In use: objects may be created in it. */
    public static final String ACTIVE = "Active";
    /** Being deleted: new objects are refused while its content is removed. */
    public static final String TERMINATING = "Terminating";

    private NamespacePhase() {
    }
}
