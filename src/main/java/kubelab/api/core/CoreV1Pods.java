package kubelab.api.core;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The resource types of this package for the {@link kubelab.api.Scheme}: pods, nodes, namespaces
 * and replicationcontrollers, with the short names, scope, subresources and categories that
 * {@code kubectl api-resources} shows for them.
 *
 * <p>Real Kubernetes: the core group's storage map in {@code pkg/registry/core/rest} (each
 * registry's {@code ShortNames()} and {@code Categories()}), served as discovery at {@code /api/v1}.
 */
public final class CoreV1Pods {
    private CoreV1Pods() {
    }

    /**
     * One entry per kind. Real pods also have the {@code proxy}, {@code ephemeralcontainers} and
     * {@code resize} subresources; they are left out here until something serves them.
     */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType("", "v1", Pod.KIND, "pods", "pod", List.of("po"), true, Pod.class,
                        Set.of("status", "log", "exec", "attach", "binding", "eviction", "portforward"),
                        List.of("all")),
                new ResourceType("", "v1", Node.KIND, "nodes", "node", List.of("no"), false, Node.class,
                        Set.of("status", "proxy"), List.of()),
                new ResourceType("", "v1", Namespace.KIND, "namespaces", "namespace", List.of("ns"), false,
                        Namespace.class, Set.of("status", "finalize"), List.of()),
                new ResourceType("", "v1", ReplicationController.KIND, "replicationcontrollers",
                        "replicationcontroller", List.of("rc"), true, ReplicationController.class,
                        Set.of("status", "scale"), List.of("all")));
    }
}
