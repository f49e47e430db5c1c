/**
 * The strategy of {@code coordination.k8s.io/v1} Leases,
 * {@link kubelab.apiserver.registry.coordination.LeaseStrategy}: the heartbeats of kubelets and
 * the locks of leader election, checked for sane durations.
 *
 * <p>Called by the generic {@link kubelab.apiserver.registry.Registry}, as Kubernetes'
 * {@code pkg/registry/coordination/lease} is.
 */
package kubelab.apiserver.registry.coordination;
