/**
 * One whole cluster in one process: {@link kubelab.cluster.Cluster} builds the control plane (API
 * server, scheduler, controller manager) and the nodes (a kubelet and a simulated container
 * runtime each) on one simulated clock, applies manifests, injects faults, and keeps the
 * {@link kubelab.cluster.Timeline} of every Event.
 *
 * <p>This package only wires. The components never call one another here either: they meet in the
 * API, which is the point the course makes.
 */
package kubelab.cluster;
