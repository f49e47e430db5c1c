package kubelab.api.core;

/**
 * The values of a quota's {@code scopes}: which objects it counts.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceQuotaScope}.
 */
public final class ResourceQuotaScope {
    /** Pods with an {@code activeDeadlineSeconds}. */
    public static final String TERMINATING = "Terminating";
    public static final String NOT_TERMINATING = "NotTerminating";
    /** Pods of QoS class BestEffort. */
    public static final String BEST_EFFORT = "BestEffort";
    public static final String NOT_BEST_EFFORT = "NotBestEffort";
    /** Pods whose priority class matches the scope selector. */
    public static final String PRIORITY_CLASS = "PriorityClass";
    public static final String CROSS_NAMESPACE_POD_AFFINITY = "CrossNamespacePodAffinity";
    public static final String VOLUME_ATTRIBUTES_CLASS = "VolumeAttributesClass";

    private ResourceQuotaScope() {
    }
}
