/**
 * The kubelet's prober: liveness, readiness and startup probes (exec, httpGet, tcpSocket) run on
 * the loop's timers, and their results, which the kubelet's pod sync reads.
 *
 * <p>Probes reach containers the way the real kubelet does: exec through the CRI's
 * {@code ExecSync}, HTTP and TCP through the pod network from the node.
 */
package kubelab.kubelet.prober;
