package kubelab.apiserver;

/**
 * Options of create: {@code dryRun} runs admission and validation but stores nothing;
 * {@code fieldManager} names the writer (recorded for server-side apply).
 *
 * <p>Real Kubernetes: {@code metav1.CreateOptions}.
 */
public record CreateOptions(boolean dryRun, String fieldManager) {
    public static final CreateOptions DEFAULT = new CreateOptions(false, null);
    public static final CreateOptions DRY_RUN = new CreateOptions(true, null);
}
