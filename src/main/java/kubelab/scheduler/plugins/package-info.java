/**
 * The default scheduling plugins, one sub-package each as in kube-scheduler: {@code nodeunschedulable},
 * {@code nodename}, {@code noderesources} (Fit with LeastAllocated scoring, BalancedAllocation),
 * {@code nodeaffinity}, {@code tainttoleration}, {@code nodeports}, {@code podtopologyspread} and
 * {@code interpodaffinity}, and {@code queuesort}, {@code defaultpreemption}
 * and {@code defaultbinder}, and {@code helper} for what
 * several of them share. {@link kubelab.scheduler.plugins.Names} lists their names.
 *
 * <p>Each plugin implements interfaces from {@code kubelab.scheduler.framework} and keeps its
 * decision in a small static function ({@code fits(pod, nodeInfo)}) that a test or a notebook can
 * call without a scheduler. Names and failure reasons are public constants with Kubernetes' wording,
 * so a learner can match them against {@code kubectl describe pod}.
 */
package kubelab.scheduler.plugins;
