package kubelab.server;

import java.util.Map;
import java.util.TreeMap;
import kubelab.api.ResourceType;
import kubelab.apiserver.ApiServer;

/**
 * How many objects of each resource the server holds ({@code apiserver_storage_objects}), read
 * from each registry's watch cache, which keeps its size: one number per resource, no scan.
 *
 * <p>Real Kubernetes: the storage object counts that {@code k8s.io/apiserver/pkg/storage/etcd3}
 * samples for the same metric.
 */
final class StorageCounts {
    private StorageCounts() {
    }

    /** Counts by {@code pods}, {@code deployments.apps}, ...; call on the cluster thread. */
    static Map<String, Long> of(ApiServer api) {
        Map<String, Long> counts = new TreeMap<>();
        for (ResourceType t : api.scheme().all()) {
            counts.put(t.groupResource(), (long) api.registry(t.javaType()).cacher().size());
        }
        return counts;
    }
}
