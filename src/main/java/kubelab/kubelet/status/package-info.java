/**
 * Pod status on the kubelet's side: {@link kubelab.kubelet.status.PodStatusGenerator} turns what the
 * runtime holds into the API's PodStatus (phase, conditions, container statuses), and
 * {@link kubelab.kubelet.status.StatusManager} writes it, only when it changed, and finally
 * deletes a terminated pod's object.
 *
 * <p>Status is computed from scratch each sync (level-based), so a missed runtime event is
 * repaired by the next sync, as in Kubernetes' {@code pkg/kubelet/status}.
 */
package kubelab.kubelet.status;
