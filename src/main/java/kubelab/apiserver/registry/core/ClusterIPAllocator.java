package kubelab.apiserver.registry.core;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import kubelab.store.Store;

/**
 * Hands out Services' cluster IPs from the service CIDR ({@value #DEFAULT_SERVICE_CIDR}, kubeadm's
 * default) and checks the ones clients ask for. The network address and the broadcast address are
 * never given out; the first usable one ({@code 10.96.0.1}) is the {@code kubernetes} Service's.
 *
 * <p>The range is split in two bands, as since Kubernetes 1.24: the lowest addresses (1/16 of the
 * range, at least 16 and at most 256) are where installers pin well-known Services (the cluster DNS
 * at {@code 10.96.0.10}), so dynamic allocation takes from the band above them first and only then
 * from the low band. Where in the upper band a search starts comes from the new Service's uid,
 * which the seeded loop makes repeatable; from there it walks to the next free address.
 *
 * <p>Taken addresses are read from the store on every allocation ({@link StoredServices}):
 * O(Services) per create, no state to repair, nothing to release on delete. One API server handles
 * one request at a time here, so two creates cannot pick the same free address between the read
 * and the write.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/service/ipallocator} ({@code Range}, its
 * {@code ErrAllocated} and {@code ErrNotInRange}), called from the Service REST storage's
 * {@code allocClusterIPs}.
 */
public final class ClusterIPAllocator {
    /** kubeadm's {@code --service-cluster-ip-range}. */
    public static final String DEFAULT_SERVICE_CIDR = "10.96.0.0/12";
    /** The allocator's words when an asked-for address is taken. */
    public static final String ERR_ALLOCATED = "provided IP is already allocated";

    private final Store store;
    private final String cidr;
    private final int base;      // the network address, as an unsigned 32-bit number
    private final int size;      // usable addresses: the range minus network and broadcast
    private final int staticBand;

    public ClusterIPAllocator(Store store) {
        this(store, DEFAULT_SERVICE_CIDR);
    }

    public ClusterIPAllocator(Store store, String cidr) {
        this.store = store;
        this.cidr = cidr;
        String[] parts = cidr.split("/");
        this.base = InetAddresses.coerceToInteger(InetAddresses.forString(parts[0]));
        int bits = 32 - Integer.parseInt(parts[1]);
        this.size = (int) Math.min((1L << bits) - 2, Integer.MAX_VALUE);
        this.staticBand = Math.min(Math.max(16, size / 16), 256);
    }

    /** The range, as {@code 10.96.0.0/12}. */
    public String cidr() {
        return cidr;
    }

    /** The address {@code offset} places above the network address: 1 is {@code 10.96.0.1}. */
    public String at(int offset) {
        return InetAddresses.fromInteger(base + offset).getHostAddress();
    }

    /** Why {@code ip} cannot be given to Service {@code namespace/name}, in the allocator's words; empty if it can. */
    public Optional<String> check(String ip, String namespace, String name) {
        Integer offset = offsetOf(ip);
        if (offset == null) {
            return Optional.of("provided IP is not in the valid range. The range of valid IPs is " + cidr);
        }
        return taken(namespace, name).contains(ip) ? Optional.of(ERR_ALLOCATED) : Optional.empty();
    }

    /**
     * A free address for a new Service: searched from a point of the upper band chosen by
     * {@code seed} (the Service's uid), then the low band; empty when the range is full.
     */
    // tag::allocate-next[]
    public Optional<String> allocateNext(String seed, String namespace, String name) {
        Set<String> taken = taken(namespace, name);
        int upper = size - staticBand;
        int start = Math.floorMod(seed == null ? 0 : seed.hashCode(), Math.max(upper, 1));
        for (int i = 0; i < upper; i++) {
            String ip = at(staticBand + 1 + (start + i) % upper);
            if (!taken.contains(ip)) {
                return Optional.of(ip);
            }
        }
        for (int offset = 1; offset <= staticBand; offset++) {
            if (!taken.contains(at(offset))) {
                return Optional.of(at(offset));
            }
        }
        return Optional.empty();
    }
    // end::allocate-next[]

    /** The usable offset of an IPv4 address in the range, or null outside it (network and broadcast included). */
    private Integer offsetOf(String ip) {
        if (!InetAddresses.isInetAddress(ip)) {
            return null;
        }
        InetAddress address = InetAddresses.forString(ip);
        if (!(address instanceof Inet4Address)) {
            return null;
        }
        long offset = Integer.toUnsignedLong(InetAddresses.coerceToInteger(address)) - Integer.toUnsignedLong(base);
        return offset >= 1 && offset <= size ? (int) offset : null;
    }

    /** The addresses other Services hold now. */
    private Set<String> taken(String namespace, String name) {
        Set<String> taken = new HashSet<>();
        for (StoredServices.Allocation a : StoredServices.read(store)) {
            if (!a.is(namespace, name)) {
                taken.addAll(a.clusterIPs());
            }
        }
        return taken;
    }
}
