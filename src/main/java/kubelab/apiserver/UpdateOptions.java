package kubelab.apiserver;

/**
 * Options of update: {@code dryRun} and {@code fieldManager}, as for create.
 *
 * <p>Real Kubernetes: {@code metav1.UpdateOptions}.
 */
public record UpdateOptions(boolean dryRun, String fieldManager) {
    public static final UpdateOptions DEFAULT = new UpdateOptions(false, null);
    public static final UpdateOptions DRY_RUN = new UpdateOptions(true, null);
}
