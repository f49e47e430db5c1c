package kubelab.apiserver.registry;

import java.util.Map;
import java.util.Set;
import kubelab.api.ResourceType;
import kubelab.apiserver.registry.apps.DaemonSetStrategy;
import kubelab.apiserver.registry.apps.DeploymentStrategy;
import kubelab.apiserver.registry.apps.ReplicaSetStrategy;
import kubelab.apiserver.registry.apps.StatefulSetStrategy;
import kubelab.apiserver.registry.autoscaling.HorizontalPodAutoscalerStrategy;
import kubelab.apiserver.registry.batch.CronJobStrategy;
import kubelab.apiserver.registry.batch.JobStrategy;
import kubelab.apiserver.registry.coordination.LeaseStrategy;
import kubelab.apiserver.registry.core.ConfigMapStrategy;
import kubelab.apiserver.registry.core.EndpointsStrategy;
import kubelab.apiserver.registry.core.EventStrategy;
import kubelab.apiserver.registry.core.LimitRangeStrategy;
import kubelab.apiserver.registry.core.NamespaceStrategy;
import kubelab.apiserver.registry.core.NodeStrategy;
import kubelab.apiserver.registry.core.PersistentVolumeClaimStrategy;
import kubelab.apiserver.registry.core.PersistentVolumeStrategy;
import kubelab.apiserver.registry.core.PodStrategy;
import kubelab.apiserver.registry.core.ReplicationControllerStrategy;
import kubelab.apiserver.registry.core.ResourceQuotaStrategy;
import kubelab.apiserver.registry.core.SecretStrategy;
import kubelab.apiserver.registry.core.ServiceStrategy;
import kubelab.apiserver.registry.discovery.EndpointSliceStrategy;
import kubelab.apiserver.registry.networking.IngressClassStrategy;
import kubelab.apiserver.registry.networking.IngressStrategy;
import kubelab.apiserver.registry.rbac.ClusterRoleBindingStrategy;
import kubelab.apiserver.registry.rbac.ClusterRoleStrategy;
import kubelab.apiserver.registry.rbac.RoleBindingStrategy;
import kubelab.apiserver.registry.rbac.RoleStrategy;
import kubelab.apiserver.registry.storage.StorageClassStrategy;

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
            Map.entry("v1/ConfigMap", new ConfigMapStrategy()),
            Map.entry("v1/Secret", new SecretStrategy()),
            Map.entry("v1/Service", new ServiceStrategy()),
            Map.entry("v1/Endpoints", new EndpointsStrategy()),
            Map.entry("v1/Node", new NodeStrategy()),
            Map.entry("v1/Event", new EventStrategy()),
            Map.entry("v1/LimitRange", new LimitRangeStrategy()),
            Map.entry("v1/ResourceQuota", new ResourceQuotaStrategy()),
            Map.entry("v1/PersistentVolume", new PersistentVolumeStrategy()),
            Map.entry("v1/PersistentVolumeClaim", new PersistentVolumeClaimStrategy()),
            // apps/v1
            Map.entry("apps/v1/Deployment", new DeploymentStrategy()),
            Map.entry("apps/v1/ReplicaSet", new ReplicaSetStrategy()),
            Map.entry("apps/v1/DaemonSet", new DaemonSetStrategy()),
            Map.entry("apps/v1/StatefulSet", new StatefulSetStrategy()),
            // batch/v1
            Map.entry("batch/v1/Job", new JobStrategy()),
            Map.entry("batch/v1/CronJob", new CronJobStrategy()),
            // rbac.authorization.k8s.io/v1
            Map.entry("rbac.authorization.k8s.io/v1/Role", new RoleStrategy()),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", new ClusterRoleStrategy()),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", new RoleBindingStrategy()),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", new ClusterRoleBindingStrategy()),
            // networking, storage, coordination, discovery, autoscaling
            Map.entry("networking.k8s.io/v1/Ingress", new IngressStrategy()),
            Map.entry("networking.k8s.io/v1/IngressClass", new IngressClassStrategy()),
            Map.entry("storage.k8s.io/v1/StorageClass", new StorageClassStrategy()),
            Map.entry("coordination.k8s.io/v1/Lease", new LeaseStrategy()),
            Map.entry("discovery.k8s.io/v1/EndpointSlice", new EndpointSliceStrategy()),
            Map.entry("autoscaling/v2/HorizontalPodAutoscaler", new HorizontalPodAutoscalerStrategy()));

    private Strategies() {
    }

    /** The {@code apiVersion/kind} keys that have a strategy of their own. */
    public static Set<String> registeredKinds() {
        return BY_KIND.keySet();
    }

    /** The strategy for a resource type. */
    public static Strategy<?> forType(ResourceType type) {
        return BY_KIND.getOrDefault(type.apiVersion() + "/" + type.kind(), DEFAULT);
    }
}
