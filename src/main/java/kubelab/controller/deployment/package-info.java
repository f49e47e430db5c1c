/**
 * The Deployment controller: {@link kubelab.controller.deployment.DeploymentController} keeps one
 * ReplicaSet per version of a Deployment's pod template (named by its
 * {@link kubelab.controller.deployment.PodTemplateHash}) and moves replicas from old versions to the
 * new one with the RollingUpdate ({@code Rolling}) or Recreate ({@code Recreate}) strategy, scales
 * proportionally mid-rollout ({@code ProportionalScaling}), keeps revisions and their history
 * ({@link kubelab.controller.deployment.DeploymentUtil}), and reports Progressing and Available
 * ({@link kubelab.controller.deployment.DeploymentConditions}, {@code Progress}).
 * {@link kubelab.controller.deployment.DeploymentRollback} and
 * {@link kubelab.controller.deployment.DeploymentHistory} are kubectl's side: {@code rollout undo}
 * and {@code rollout history}.
 *
 * <p>It reads Deployments, ReplicaSets and pods through {@code kubelab.client} informers, writes
 * Deployments and ReplicaSets (never pods: the ReplicaSet controller owns those) through
 * {@code kubelab.apiserver.Api}, and records events with a {@code kubelab.client.record.EventRecorder}.
 * It is cut along the files of Kubernetes' {@code pkg/controller/deployment} (sync, rolling, recreate,
 * progress, rollback) so a reader can hold the two side by side.
 *
 * <p>Simplified compared with Kubernetes: the template hash renders the template as sorted JSON, not
 * a Go spew dump, so hashes differ from a real cluster's (same alphabet and length); no
 * ReplicaFailure condition is copied from ReplicaSets; no terminatingReplicas; the pod map is built
 * only for Recreate Deployments (the only strategy that reads it), from a pod index by controller
 * uid rather than a namespace-wide list by selector; the progress check is a timer
 * the controller cancels once no rollout is under way, rather than a work-queue AddAfter that fires
 * anyway; within one sync, a ReplicaSet or status just written replaces the cached copy, so later
 * steps do not hit 409 Conflicts that Kubernetes simply retries.
 */
package kubelab.controller.deployment;
