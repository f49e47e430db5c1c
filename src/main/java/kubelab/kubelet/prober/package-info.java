/**
 * The kubelet's prober: liveness, readiness and startup probes (exec, httpGet, tcpSocket) run on
 * the loop's timers, and their results, which the kubelet's pod sync reads.
 *
 * <p>Probes reach containers the way the real kubelet does: exec through the CRI's
 * {@code ExecSync}, HTTP and TCP through the pod network from the node.
 *
 * <p>Who does what, as in {@code pkg/kubelet/prober} and {@code pkg/probe}:
 * {@link kubelab.kubelet.prober.DefaultProbeManager} keeps one
 * {@link kubelab.kubelet.prober.ProbeWorker} per running container and probe; a worker keeps the
 * rhythm (initial delay, period) and the thresholds; {@link kubelab.kubelet.prober.Prober} runs
 * one probe once and records the {@code Unhealthy} events; {@code ExecProbe},
 * {@code HttpGetProbe} and {@code TcpSocketProbe} each know one way to ask a container how it is.
 * The kubelet only reads results and is told when one changes: the prober never kills or restarts
 * anything itself, which is why a failed liveness probe and the restart it causes are two events
 * from two places.
 */
package kubelab.kubelet.prober;
