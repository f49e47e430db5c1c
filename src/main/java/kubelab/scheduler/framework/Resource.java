package kubelab.scheduler.framework;

import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import kubelab.api.resource.Quantity;

/**
 * An amount of compute resources as plain numbers: milli-CPU, bytes of memory and ephemeral
 * storage, a number of pods, and any other ("scalar") resource such as {@code nvidia.com/gpu} or
 * {@code hugepages-2Mi}, in whole units.
 *
 * <p>Used both for what a node offers (allocatable) and for what pods ask (requests). Quantities are
 * turned into longs once, when a pod or node enters a {@link NodeInfo}, so that filtering a thousand
 * nodes is integer arithmetic. Immutable; {@link #add} and {@link #subtract} return new values.
 *
 * <p>Real Kubernetes: {@code Resource} in {@code pkg/scheduler/framework/types.go}.
 */
public record Resource(long milliCPU, long memory, long ephemeralStorage, long allowedPodNumber,
                       Map<String, Long> scalarResources) {

    public static final String CPU = "cpu";
    public static final String MEMORY = "memory";
    public static final String EPHEMERAL_STORAGE = "ephemeral-storage";
    public static final String PODS = "pods";

    /** Nothing at all. */
    public static final Resource EMPTY = new Resource(0, 0, 0, 0, Map.of());

    public Resource {
        // Sorted, so that reasons about scalar resources come out in a stable order.
        scalarResources = Collections.unmodifiableMap(new TreeMap<>(
                scalarResources == null ? Map.of() : scalarResources));
    }

    /**
     * Reads a resource list ({@code requests}, {@code allocatable}): CPU in millicores, everything
     * else in whole units rounded up, as {@code Quantity.Value()} does in Kubernetes.
     */
    public static Resource from(Map<String, Quantity> list) {
        long cpu = 0;
        long memory = 0;
        long storage = 0;
        long pods = 0;
        Map<String, Long> scalars = new TreeMap<>();
        for (Map.Entry<String, Quantity> e : list.entrySet()) {
            Quantity q = e.getValue();
            switch (e.getKey()) {
                case CPU -> cpu = q.milliValue();
                case MEMORY -> memory = q.value();
                case EPHEMERAL_STORAGE -> storage = q.value();
                case PODS -> pods = q.value();
                default -> scalars.put(e.getKey(), q.value());
            }
        }
        return new Resource(cpu, memory, storage, pods, scalars);
    }

    /** One scalar resource, 0 when absent. */
    public long scalar(String name) {
        return scalarResources.getOrDefault(name, 0L);
    }

    /** True when nothing is requested: no CPU, memory, storage or scalar resource. */
    public boolean isZero() {
        return milliCPU == 0 && memory == 0 && ephemeralStorage == 0
                && scalarResources.values().stream().allMatch(v -> v == 0);
    }

    public Resource add(Resource other) {
        return combine(other, 1);
    }

    public Resource subtract(Resource other) {
        return combine(other, -1);
    }

    private Resource combine(Resource other, long sign) {
        Map<String, Long> scalars = new TreeMap<>(scalarResources);
        other.scalarResources.forEach((k, v) -> scalars.merge(k, sign * v, Long::sum));
        return new Resource(milliCPU + sign * other.milliCPU, memory + sign * other.memory,
                ephemeralStorage + sign * other.ephemeralStorage,
                allowedPodNumber + sign * other.allowedPodNumber, scalars);
    }

    /** The larger of each resource: how init containers combine, since they run one at a time. */
    public Resource max(Resource other) {
        Map<String, Long> scalars = new TreeMap<>(scalarResources);
        other.scalarResources.forEach((k, v) -> scalars.merge(k, v, Math::max));
        return new Resource(Math.max(milliCPU, other.milliCPU), Math.max(memory, other.memory),
                Math.max(ephemeralStorage, other.ephemeralStorage),
                Math.max(allowedPodNumber, other.allowedPodNumber), scalars);
    }

    /**
     * Whether a request fits inside this amount, resource by resource (pods aside: the pod count is
     * checked against the node's pod list, not a request).
     */
    public boolean fits(Resource request) {
        Objects.requireNonNull(request, "request");
        if (request.milliCPU > milliCPU || request.memory > memory
                || request.ephemeralStorage > ephemeralStorage) {
            return false;
        }
        return request.scalarResources.entrySet().stream().allMatch(e -> e.getValue() <= scalar(e.getKey()));
    }
}
