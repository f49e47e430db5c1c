package kubelab.apiserver.registry.core;

import java.util.HashSet;
import java.util.Optional;
import java.util.Set;
import kubelab.store.Store;

/**
 * Hands out node ports from {@value #MIN}-{@value #MAX} (the default
 * {@code --service-node-port-range}) to NodePort and LoadBalancer Services, and checks the ones
 * clients ask for. Like {@link ClusterIPAllocator} it reads what is taken from the store, and keeps
 * the lowest ports (the same 1/16 band, 16 to 128 ports) for clients that pin one.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/service/portallocator}.
 */
public final class NodePortAllocator {
    public static final int MIN = 30000;
    public static final int MAX = 32767;
    public static final String ERR_ALLOCATED = "provided port is already allocated";
    private static final int SIZE = MAX - MIN + 1;
    private static final int STATIC_BAND = Math.min(Math.max(16, SIZE / 16), 128);

    private final Store store;

    public NodePortAllocator(Store store) {
        this.store = store;
    }

    /** Why {@code port} cannot be given to Service {@code namespace/name}; empty if it can. */
    public Optional<String> check(int port, String namespace, String name) {
        if (port < MIN || port > MAX) {
            return Optional.of("provided port is not in the valid range. The range of valid ports is " + MIN + "-" + MAX);
        }
        return taken(namespace, name).contains(port) ? Optional.of(ERR_ALLOCATED) : Optional.empty();
    }

    /** Free ports for {@code count} new ports of a Service, searched from a point chosen by {@code seed}. */
    public Optional<int[]> allocateNext(int count, String seed, Set<Integer> alsoTaken, String namespace, String name) {
        Set<Integer> taken = taken(namespace, name);
        taken.addAll(alsoTaken);
        int[] out = new int[count];
        int found = 0;
        int upper = SIZE - STATIC_BAND;
        int start = Math.floorMod(seed == null ? 0 : seed.hashCode(), upper);
        for (int i = 0; i < SIZE && found < count; i++) {
            // The upper band first, from the seed's point; then the low band.
            int port = i < upper ? MIN + STATIC_BAND + (start + i) % upper : MIN + (i - upper);
            if (taken.add(port)) {
                out[found++] = port;
            }
        }
        return found == count ? Optional.of(out) : Optional.empty();
    }

    private Set<Integer> taken(String namespace, String name) {
        Set<Integer> taken = new HashSet<>();
        for (StoredServices.Allocation a : StoredServices.read(store)) {
            if (!a.is(namespace, name)) {
                taken.addAll(a.nodePorts());
            }
        }
        return taken;
    }
}
