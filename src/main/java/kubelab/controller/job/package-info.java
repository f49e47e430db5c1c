/**
 * The Job controller: {@link kubelab.controller.job.JobController} runs each Job's pods to completion
 * (completions, parallelism, backoffLimit, activeDeadlineSeconds), owning the pods it creates, and
 * delays replacements of failed pods with {@link kubelab.controller.job.JobBackoff}.
 *
 * <p>It reads through {@code kubelab.client} informers and listers, runs on a
 * {@code kubelab.time.EventLoop}, writes only through {@code kubelab.apiserver.Api}, and reuses the
 * ReplicaSet controller's {@code ControllerExpectations}. It is shaped as Kubernetes'
 * {@code pkg/controller/job}: handlers enqueue keys, one level-based sync does the work.
 *
 * <p>Simplified compared with Kubernetes: NonIndexed completion mode only; no tracking finalizers
 * (finished pods are counted from the pods present, never below the stored counts); Failed and
 * Complete are set directly, without the FailureTarget and SuccessCriteriaMet steps; no pod failure
 * policy, success policy, podReplacementPolicy, ttlSecondsAfterFinished, orphan adoption or events.
 */
package kubelab.controller.job;
