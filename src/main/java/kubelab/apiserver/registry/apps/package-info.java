/**
 * The strategies of the {@code apps/v1} kinds: {@link kubelab.apiserver.registry.apps.DeploymentStrategy},
 * {@link kubelab.apiserver.registry.apps.ReplicaSetStrategy},
 * {@link kubelab.apiserver.registry.apps.DaemonSetStrategy} and
 * {@link kubelab.apiserver.registry.apps.StatefulSetStrategy}: their defaults (1 replica, a
 * RollingUpdate strategy, 10 old revisions kept...), their validation, and what an update may
 * not change (the selector; most of a StatefulSet's spec).
 *
 * <p>The generic {@link kubelab.apiserver.registry.Registry} calls them; the pod template rules
 * they share live in {@link kubelab.apiserver.registry.core.WorkloadValidation}. One small class
 * per kind, as Kubernetes has one {@code strategy.go} per kind under {@code pkg/registry/apps}.
 */
package kubelab.apiserver.registry.apps;
