package kubelab.api.apps;

import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.PatchStrategy;

/**
 * The desired state of a Deployment: how many pods, which pods it owns ({@code selector}, which
 * must match the template's labels), what they look like, and how to replace old pods with new
 * ones ({@code strategy}). A pod counts as available once Ready for {@code minReadySeconds}; a
 * rollout that makes no progress for {@code progressDeadlineSeconds} is reported as failed;
 * {@code paused} stops rollouts but not scaling.
 *
 * <p>{@code strategy} uses {@code retainKeys}: a patch to {@code type: Recreate} drops the
 * {@code rollingUpdate} it does not mention, which would otherwise fail validation.
 *
 * <p>Real Kubernetes: {@code appsv1.DeploymentSpec}.
 */
public record DeploymentSpec(
        Integer replicas,
        LabelSelector selector,
        PodTemplateSpec template,
        @PatchStrategy("retainKeys") DeploymentStrategy strategy,
        Integer minReadySeconds,
        Integer revisionHistoryLimit,
        Boolean paused,
        Integer progressDeadlineSeconds) {

    public DeploymentSpec withReplicas(Integer replicas) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
                paused, progressDeadlineSeconds);
    }

    public DeploymentSpec withTemplate(PodTemplateSpec template) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
                paused, progressDeadlineSeconds);
    }

    public DeploymentSpec withStrategy(DeploymentStrategy strategy) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
                paused, progressDeadlineSeconds);
    }

    public DeploymentSpec withPaused(Boolean paused) {
        return new DeploymentSpec(replicas, selector, template, strategy, minReadySeconds, revisionHistoryLimit,
                paused, progressDeadlineSeconds);
    }
}
