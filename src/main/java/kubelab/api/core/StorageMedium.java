package kubelab.api.core;

/**
 * The values of {@code emptyDir.medium}: where the directory's bytes live.
 *
 * <p>Real Kubernetes: {@code corev1.StorageMedium}.
 */
public final class StorageMedium {
    /** The node's default storage (its disk). */
    public static final String DEFAULT = "";
    /** tmpfs, counted against the container's memory. */
    public static final String MEMORY = "Memory";
    public static final String HUGE_PAGES = "HugePages";
    /** Prefix of the sized form, e.g. {@code HugePages-2Mi}. */
    public static final String HUGE_PAGES_PREFIX = "HugePages-";

    private StorageMedium() {
    }
}
