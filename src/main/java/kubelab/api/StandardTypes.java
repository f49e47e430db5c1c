package kubelab.api;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.apps.AppsV1;
import kubelab.api.autoscaling.AutoscalingV2;
import kubelab.api.batch.BatchV1;
import kubelab.api.coordination.CoordinationV1;
import kubelab.api.core.CoreV1Objects;
import kubelab.api.core.CoreV1Pods;
import kubelab.api.discovery.DiscoveryV1;
import kubelab.api.networking.NetworkingV1;
import kubelab.api.rbac.RbacV1;
import kubelab.api.storage.StorageV1;

/**
 * The registration lists of every API group, in discovery order (core first, as kubectl prefers
 * core names when a short name is ambiguous).
 */
final class StandardTypes {
    private StandardTypes() {
    }

    static List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>();
        all.addAll(CoreV1Pods.resourceTypes());
        all.addAll(CoreV1Objects.resourceTypes());
        all.addAll(AppsV1.resourceTypes());
        all.addAll(BatchV1.resourceTypes());
        all.addAll(NetworkingV1.resourceTypes());
        all.addAll(StorageV1.resourceTypes());
        all.addAll(DiscoveryV1.resourceTypes());
        all.addAll(CoordinationV1.resourceTypes());
        all.addAll(AutoscalingV2.resourceTypes());
        all.addAll(RbacV1.resourceTypes());
        return all;
    }
}
