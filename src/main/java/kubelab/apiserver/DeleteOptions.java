package kubelab.apiserver;

/**
 * Options of delete.
 *
 * @param gracePeriodSeconds         how long a pod may take to stop (null: the pod's own setting)
 * @param propagationPolicy          what happens to dependents: {@code Background} (the default for
 *                                   most kinds: delete the owner now, the garbage collector deletes
 *                                   dependents after), {@code Foreground} (dependents first: the
 *                                   owner waits with the {@code foregroundDeletion} finalizer) or
 *                                   {@code Orphan} (dependents are kept and lose their owner reference)
 * @param preconditionUid            delete only if the uid still matches (null: any)
 * @param preconditionResourceVersion delete only if the resourceVersion still matches (null: any)
 * @param dryRun                     check, but change nothing
 *
 * <p>Real Kubernetes: {@code metav1.DeleteOptions}.
 */
public record DeleteOptions(Long gracePeriodSeconds, String propagationPolicy, String preconditionUid,
                            String preconditionResourceVersion, boolean dryRun) {
    public static final DeleteOptions DEFAULT = new DeleteOptions(null, null, null, null, false);

    public static final String BACKGROUND = "Background";
    public static final String FOREGROUND = "Foreground";
    public static final String ORPHAN = "Orphan";

    public static DeleteOptions propagation(String policy) {
        return new DeleteOptions(null, policy, null, null, false);
    }

    public static DeleteOptions gracePeriod(long seconds) {
        return new DeleteOptions(seconds, null, null, null, false);
    }
}
