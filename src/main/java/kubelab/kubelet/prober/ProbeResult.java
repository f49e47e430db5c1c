package kubelab.kubelet.prober;

/**
 * What the latest probes of a container concluded. {@code UNKNOWN} until the first verdict (for
 * instance during {@code initialDelaySeconds}).
 *
 * <p>Real Kubernetes: {@code results.Result} in {@code pkg/kubelet/prober/results}.
 */
public enum ProbeResult { SUCCESS, FAILURE, UNKNOWN }
