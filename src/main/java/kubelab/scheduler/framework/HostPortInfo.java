package kubelab.scheduler.framework;

import com.google.common.collect.HashMultiset;
import com.google.common.collect.Multiset;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerPort;
import kubelab.api.core.Pod;
import kubelab.api.core.Protocol;

/**
 * The host ports in use on one node, as (IP, protocol, port), with the rule for when two clash.
 *
 * <p>A port bound on {@code 0.0.0.0} takes that port on every address of the node, so it clashes
 * with the same protocol and port on any IP; a port on a specific IP clashes only with the same IP
 * or with {@code 0.0.0.0}. Two indexes make both checks O(1). Counts (a multiset) rather than a set,
 * so that removing one of two pods that were forced onto the same port leaves the port in use.
 *
 * <p>Real Kubernetes: {@code HostPortInfo} in {@code pkg/scheduler/framework/types.go}, and
 * {@code GetHostPorts} in {@code pkg/scheduler/util/utils.go}.
 */
public final class HostPortInfo {
    /** The address that means "every address of the node". */
    public static final String DEFAULT_BIND_ALL_HOST_IP = "0.0.0.0";

    /** One used host port, with Kubernetes' defaults applied (TCP, 0.0.0.0). */
    public record HostPort(String ip, String protocol, int port) {
        public static HostPort of(ContainerPort p) {
            String ip = p.hostIP() == null || p.hostIP().isEmpty() ? DEFAULT_BIND_ALL_HOST_IP : p.hostIP();
            String protocol = p.protocol() == null || p.protocol().isEmpty() ? Protocol.TCP : p.protocol();
            return new HostPort(ip, protocol, p.hostPort());
        }
    }

    private record ProtocolPort(String protocol, int port) {
    }

    private final Multiset<HostPort> exact = HashMultiset.create();
    private final Multiset<ProtocolPort> anyIp = HashMultiset.create();

    /**
     * The host ports a pod will hold: those of its app containers and of its sidecars (init
     * containers with {@code restartPolicy: Always}, which run for the pod's whole life). Ports
     * without a {@code hostPort} are not on the node's network and are left out.
     */
    public static List<HostPort> of(Pod pod) {
        List<HostPort> ports = new ArrayList<>();
        if (pod.spec() == null) {
            return ports;
        }
        for (Container c : pod.spec().initContainers()) {
            if (c.isSidecar()) {
                addHostPorts(c, ports);
            }
        }
        for (Container c : pod.spec().containers()) {
            addHostPorts(c, ports);
        }
        return ports;
    }

    private static void addHostPorts(Container c, List<HostPort> into) {
        for (ContainerPort p : c.ports()) {
            if (p.hostPort() != null && p.hostPort() > 0) {
                into.add(HostPort.of(p));
            }
        }
    }

    public void add(HostPort p) {
        exact.add(p);
        anyIp.add(new ProtocolPort(p.protocol(), p.port()));
    }

    public void remove(HostPort p) {
        if (exact.remove(p)) {
            anyIp.remove(new ProtocolPort(p.protocol(), p.port()));
        }
    }

    /** Whether binding this port would clash with a port already in use. O(1). */
    public boolean checkConflict(HostPort p) {
        if (DEFAULT_BIND_ALL_HOST_IP.equals(p.ip())) {
            return anyIp.contains(new ProtocolPort(p.protocol(), p.port()));
        }
        return exact.contains(p)
                || exact.contains(new HostPort(DEFAULT_BIND_ALL_HOST_IP, p.protocol(), p.port()));
    }

    /** How many (IP, protocol, port) entries are in use, counting repeats. */
    public int size() {
        return exact.size();
    }

    HostPortInfo copy() {
        HostPortInfo c = new HostPortInfo();
        c.exact.addAll(exact);
        c.anyIp.addAll(anyIp);
        return c;
    }
}
