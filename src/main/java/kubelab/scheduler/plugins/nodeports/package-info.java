/**
 * NodePorts: a pod asking for a {@code hostPort} fits only a node where that port (protocol, IP)
 * is free. Reads the host ports the {@code NodeInfo} tracks; used by the scheduler's PreFilter and
 * Filter steps.
 */
package kubelab.scheduler.plugins.nodeports;
