/**
 * The node lifecycle controller: it notices nodes whose kubelet stopped sending heartbeats,
 * marks them Unknown, taints them NoExecute, and (through its {@link
 * kubelab.controller.nodelifecycle.NoExecuteTaintManager}) evicts the pods that do not tolerate
 * the taint.
 *
 * <p>It reads Nodes, Leases in {@code kube-node-lease} and Pods from informers, and writes through
 * {@link kubelab.apiserver.Api}: node status, node spec (taints) and pod deletions. Health is a
 * periodic pass, not an event handler, because the event that matters is the heartbeat that does
 * not come; eviction, in contrast, reacts to taint changes and timers.
 */
package kubelab.controller.nodelifecycle;
