package kubelab.kubelet.prober;

import kubelab.api.core.Container;
import kubelab.api.core.ContainerPort;
import kubelab.api.meta.IntOrString;

/**
 * Where an HTTP or TCP probe connects: its {@code port} as a number, or the name of one of the
 * container's {@code ports}.
 *
 * <p>Real Kubernetes: {@code ResolveContainerPort} in {@code pkg/probe/util.go}.
 */
final class ProbePorts {
    private ProbePorts() {
    }

    /**
     * The port number.
     *
     * @throws IllegalArgumentException for a name the container does not declare
     *                                  ({@code port "http" not found}) or a number out of range
     */
    static int resolve(IntOrString port, Container container) {
        if (port == null) {
            throw new IllegalArgumentException("invalid port number: 0");
        }
        int number;
        if (port.isInt()) {
            number = port.intValue();
        } else {
            number = byName(port.stringValue(), container);
        }
        if (number <= 0 || number >= 65536) {
            throw new IllegalArgumentException("invalid port number: " + number);
        }
        return number;
    }

    private static int byName(String name, Container container) {
        for (ContainerPort p : container.ports()) {
            if (name.equals(p.name())) {
                return p.containerPort() == null ? 0 : p.containerPort();
            }
        }
        throw new IllegalArgumentException("port " + ExecProbe.goQuote(name) + " not found");
    }

    /** {@code host:port}, with an IPv6 host in brackets, as Go's {@code net.JoinHostPort} writes it. */
    static String joinHostPort(String host, int port) {
        return (host.contains(":") ? "[" + host + "]" : host) + ":" + port;
    }
}
