package kubelab.kubelet.prober;

import kubelab.api.core.Container;
import kubelab.api.core.TCPSocketAction;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.net.PodNetwork.ConnectionRefused;

/**
 * A TCP probe: a connection from the node to {@code host:port} (the pod IP unless the probe names
 * a host). An accepted connection is success, whatever the server then says; a refused one is a
 * failure ({@code dial tcp 10.244.1.5:8080: connect: connection refused}).
 *
 * <p>Simplified: the flat pod network answers at once, so {@code timeoutSeconds} never expires.
 *
 * <p>Real Kubernetes: {@code pkg/probe/tcp/tcp.go}.
 */
final class TcpSocketProbe {
    private TcpSocketProbe() {
    }

    static ProbeOutcome run(PodNetwork network, TCPSocketAction action, Container container, String podIP) {
        int port;
        try {
            port = ProbePorts.resolve(action.port(), container);
        } catch (IllegalArgumentException e) {
            return ProbeOutcome.error(e.getMessage());
        }
        String host = action.host() == null || action.host().isEmpty() ? podIP : action.host();
        if (host != null && !host.isEmpty() && network.dial(host, port)) {
            return ProbeOutcome.success("");
        }
        return ProbeOutcome.failure(new ConnectionRefused(host == null ? "" : host, port).getMessage());
    }
}
