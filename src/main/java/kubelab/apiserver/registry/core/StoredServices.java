package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.serialization.Json;
import kubelab.store.KeyValue;
import kubelab.store.Store;

/**
 * The Services stored now, read straight from the store: what the allocators count as taken. The
 * store is the truth, so nothing is remembered between requests: a deleted Service's IP and ports
 * are free the moment its key is gone, and an API server started over an existing store sees every
 * allocation at once.
 *
 * <p>Real Kubernetes: the allocators' bitmaps in etcd ({@code /registry/ranges/serviceips} and
 * {@code /registry/ranges/servicenodeports}), kept honest by the repair controllers in
 * {@code pkg/registry/core/service/ipallocator/controller} and {@code .../portallocator/controller}.
 */
final class StoredServices {
    /** Where Services live in the store. */
    static final String PREFIX = "/registry/services/";

    /** One stored Service's allocations. */
    record Allocation(String namespace, String name, List<String> clusterIPs, List<Integer> nodePorts) {
        boolean is(String ns, String n) {
            return namespace.equals(ns) && name.equals(n);
        }
    }

    private StoredServices() {
    }

    /** Every stored Service's cluster IPs and node ports: O(number of Services). */
    static List<Allocation> read(Store store) {
        List<Allocation> out = new ArrayList<>();
        for (KeyValue kv : store.range(PREFIX).kvs()) {
            String[] parts = kv.key().substring(PREFIX.length()).split("/", 2);
            JsonNode spec;
            try {
                spec = Json.mapper().readTree(kv.value()).path("spec");
            } catch (IOException e) {
                throw new UncheckedIOException("undecodable Service at " + kv.key(), e);
            }
            List<String> ips = new ArrayList<>();
            spec.path("clusterIPs").forEach(ip -> ips.add(ip.asText()));
            if (ips.isEmpty() && !spec.path("clusterIP").asText().isEmpty()) {
                ips.add(spec.path("clusterIP").asText());
            }
            List<Integer> ports = new ArrayList<>();
            spec.path("ports").forEach(p -> {
                if (p.path("nodePort").asInt() != 0) {
                    ports.add(p.path("nodePort").asInt());
                }
            });
            out.add(new Allocation(parts[0], parts.length > 1 ? parts[1] : "", ips, ports));
        }
        return out;
    }
}
