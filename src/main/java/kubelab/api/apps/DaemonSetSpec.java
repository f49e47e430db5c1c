package kubelab.api.apps;

import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;

/**
 * Which pods a DaemonSet owns, what they look like, and how template changes roll out.
 *
 * <p>Real Kubernetes: {@code appsv1.DaemonSetSpec}.
 */
public record DaemonSetSpec(LabelSelector selector, PodTemplateSpec template, DaemonSetUpdateStrategy updateStrategy,
                            Integer minReadySeconds, Integer revisionHistoryLimit) {

    public DaemonSetSpec withTemplate(PodTemplateSpec template) {
        return new DaemonSetSpec(selector, template, updateStrategy, minReadySeconds, revisionHistoryLimit);
    }
}
