package kubelab.runtime;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.util.HashSet;
import java.util.Set;
import kubelab.runtime.cri.CriException;

/**
 * IP addresses for a node's pods from its pod CIDR, as the {@code host-local} IPAM plugin hands
 * them out: {@code .1} is the gateway (the node's bridge), pods get {@code .2} up to the last
 * address before broadcast, round-robin from the last one given (so a freed address is not reused
 * at once), and a released address returns to the pool.
 *
 * <p>Real Kubernetes: the CNI {@code host-local} IPAM plugin ({@code plugins/ipam/host-local}),
 * fed the node's {@code spec.podCIDR}.
 */
final class HostLocalIpam {

    private final String cidr;
    private final int network;
    private final int first;
    private final int last;
    private final Set<Integer> reserved = new HashSet<>();
    private int lastReserved;

    HostLocalIpam(String cidr) {
        String[] parts = cidr.split("/");
        if (parts.length != 2 || !(InetAddresses.forString(parts[0]) instanceof Inet4Address)) {
            throw new IllegalArgumentException("not an IPv4 CIDR: " + cidr);
        }
        int prefix = Integer.parseInt(parts[1]);
        if (prefix < 8 || prefix > 30) {
            throw new IllegalArgumentException("pod CIDR prefix must be between /8 and /30: " + cidr);
        }
        int mask = -1 << (32 - prefix);
        this.cidr = cidr;
        this.network = InetAddresses.coerceToInteger(InetAddresses.forString(parts[0])) & mask;
        this.first = network + 2;
        this.last = (network | ~mask) - 1;
        this.lastReserved = network + 1;
    }

    String cidr() {
        return cidr;
    }

    /** The gateway: the first address of the range. */
    String gateway() {
        return text(network + 1);
    }

    /**
     * The next free address after the last one handed out.
     *
     * @throws CriException when every address is taken, with host-local's message
     */
    String allocate() {
        int size = last - first + 1;
        for (int i = 1; i <= size; i++) {
            int candidate = first + Math.floorMod(lastReserved - first + i, size);
            if (reserved.add(candidate)) {
                lastReserved = candidate;
                return text(candidate);
            }
        }
        throw new CriException("plugin type=\"host-local\" failed (add): failed to allocate for range 0: "
                + "no IP addresses available in range set: " + text(network + 1) + "-" + text(last));
    }

    /** Gives an address back. Releasing an address not handed out does nothing. */
    void release(String ip) {
        reserved.remove(InetAddresses.coerceToInteger(InetAddresses.forString(ip)));
    }

    private static String text(int address) {
        return InetAddresses.toAddrString(InetAddresses.fromInteger(address));
    }
}
