package kubelab.api.apps;

/**
 * How a StatefulSet replaces pods after a template change: {@value #ROLLING_UPDATE} (the default,
 * from the highest ordinal down to {@code rollingUpdate.partition}) or {@value #ON_DELETE}.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetUpdateStrategy} and {@code appsv1.StatefulSetUpdateStrategyType}.
 */
public record StatefulSetUpdateStrategy(String type, RollingUpdateStatefulSetStrategy rollingUpdate) {

    public static final String ROLLING_UPDATE = "RollingUpdate";
    public static final String ON_DELETE = "OnDelete";
}
