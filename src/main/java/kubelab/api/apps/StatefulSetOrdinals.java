package kubelab.api.apps;

/**
 * The ordinal of a StatefulSet's first pod (default 0), so pods can be numbered from 1 or continue
 * another set's numbering.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetOrdinals}.
 */
public record StatefulSetOrdinals(Integer start) {
}
