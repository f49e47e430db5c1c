/**
 * The kubelet's volume manager and the plugins it uses on the node: it sets up a pod's volumes as
 * directories of the node's filesystem before the containers start and removes them after the pod
 * is gone; containers see them through the CRI's mounts.
 *
 * <p>One synchronous set-up per pod sync instead of Kubernetes' reconciler loop: the node's
 * filesystem is in memory, so mounting costs nothing and needs no second loop to watch it.
 */
package kubelab.kubelet.volume;
