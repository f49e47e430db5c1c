package kubelab.api.core;

/**
 * The values of {@code status.qosClass}, which decide who is evicted and OOM-killed first.
 *
 * <p>Real Kubernetes: {@code corev1.PodQOSClass}, computed by {@code pkg/apis/core/helper/qos}.
 */
public final class PodQOSClass {
    /** Every container has CPU and memory limits equal to its requests. */
    public static final String GUARANTEED = "Guaranteed";
    /** At least one request or limit, but not Guaranteed. */
    public static final String BURSTABLE = "Burstable";
    /** No requests or limits at all: the first to go. */
    public static final String BEST_EFFORT = "BestEffort";

    private PodQOSClass() {
    }
}
