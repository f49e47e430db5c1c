package kubelab.api.apps;

/**
 * How a DaemonSet replaces pods after a template change: {@value #ROLLING_UPDATE} (the default,
 * node by node within {@code rollingUpdate}) or {@value #ON_DELETE} (only when a pod is deleted by hand).
 *
 * <p>Real Kubernetes: {@code appsv1.DaemonSetUpdateStrategy} and {@code appsv1.DaemonSetUpdateStrategyType}.
 */
public record DaemonSetUpdateStrategy(String type, RollingUpdateDaemonSet rollingUpdate) {

    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String ON_DELETE = "OnDelete";
}
