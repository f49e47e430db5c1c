package kubelab.apiserver;

/**
 * Options of patch: {@code dryRun}, {@code fieldManager}, and {@code force} for server-side apply
 * conflicts.
 *
 * <p>Real Kubernetes: {@code metav1.PatchOptions}.
 */
public record PatchOptions(boolean dryRun, String fieldManager, boolean force) {
    public static final PatchOptions DEFAULT = new PatchOptions(false, null, false);
}
