/**
 * NodeUnschedulable: keeps pods off cordoned nodes ({@code spec.unschedulable: true}, what
 * {@code kubectl cordon} sets) unless they tolerate the {@code node.kubernetes.io/unschedulable}
 * taint. Reads the Node only; used by the scheduler's filter step.
 */
package kubelab.scheduler.plugins.nodeunschedulable;
