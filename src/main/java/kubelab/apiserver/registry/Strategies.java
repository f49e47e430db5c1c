package kubelab.apiserver.registry;

import java.util.Map;
import kubelab.api.ResourceType;
import kubelab.apiserver.registry.apps.DaemonSetStrategy;
import kubelab.apiserver.registry.apps.DeploymentStrategy;
import kubelab.apiserver.registry.apps.ReplicaSetStrategy;
import kubelab.apiserver.registry.apps.StatefulSetStrategy;
import kubelab.apiserver.registry.batch.CronJobStrategy;
import kubelab.apiserver.registry.batch.JobStrategy;
import kubelab.apiserver.registry.core.NamespaceStrategy;
import kubelab.apiserver.registry.core.PodStrategy;
import kubelab.apiserver.registry.core.ReplicationControllerStrategy;

/**
 * Which {@link Strategy} serves which kind, keyed by {@code apiVersion/kind}. Kinds without an
 * entry get the default strategy: DNS-1123 subdomain names, no defaults, no validation beyond
 * metadata.
 *
 * <p>Real Kubernetes: each resource's {@code NewREST} in {@code pkg/registry/<group>/<kind>/storage}
 * wires its own strategy into the generic store.
 */
public final class Strategies {
    private static final Strategy<?> DEFAULT = new Strategy<>() {
    };

    private static final Map<String, Strategy<?>> BY_KIND = Map.ofEntries(
            // core/v1
            Map.entry("v1/Namespace", new NamespaceStrategy()),
            Map.entry("v1/Pod", new PodStrategy()),
            Map.entry("v1/ReplicationController", new ReplicationControllerStrategy()),
            // apps/v1
            Map.entry("apps/v1/Deployment", new DeploymentStrategy()),
            Map.entry("apps/v1/ReplicaSet", new ReplicaSetStrategy()),
            Map.entry("apps/v1/DaemonSet", new DaemonSetStrategy()),
            Map.entry("apps/v1/StatefulSet", new StatefulSetStrategy()),
            // batch/v1
            Map.entry("batch/v1/Job", new JobStrategy()),
            Map.entry("batch/v1/CronJob", new CronJobStrategy()));

    private Strategies() {
    }

    /** The strategy for a resource type. */
    public static Strategy<?> forType(ResourceType type) {
        return BY_KIND.getOrDefault(type.apiVersion() + "/" + type.kind(), DEFAULT);
    }
}
