package kubelab.api.core;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;

/**
 * The core ({@code v1}) resources other than Pod, Node, Namespace and ReplicationController:
 * Services and their Endpoints, configuration (ConfigMap, Secret), storage (PersistentVolume,
 * PersistentVolumeClaim), Events, ServiceAccounts and the namespace policies LimitRange and
 * ResourceQuota.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/core/v1/register.go} and the {@code /api/v1} discovery document.
 */
public final class CoreV1Objects {
    /** The core group is the empty string; its apiVersion is the bare version. */
    public static final String GROUP = "";
    public static final String VERSION = "v1";
    public static final String API_VERSION = VERSION;

    private CoreV1Objects() {
    }

    /** These resources, as {@code kubectl api-resources --api-group=""} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                type(ConfigMap.KIND, "configmaps", "configmap", List.of("cm"), true, ConfigMap.class, Set.of(), List.of()),
                type(Endpoints.KIND, "endpoints", "endpoints", List.of("ep"), true, Endpoints.class, Set.of(), List.of()),
                type(Event.KIND, "events", "event", List.of("ev"), true, Event.class, Set.of(), List.of()),
                type(LimitRange.KIND, "limitranges", "limitrange", List.of("limits"), true, LimitRange.class,
                        Set.of(), List.of()),
                type(PersistentVolumeClaim.KIND, "persistentvolumeclaims", "persistentvolumeclaim", List.of("pvc"),
                        true, PersistentVolumeClaim.class, Set.of("status"), List.of()),
                type(PersistentVolume.KIND, "persistentvolumes", "persistentvolume", List.of("pv"), false,
                        PersistentVolume.class, Set.of("status"), List.of()),
                type(ResourceQuota.KIND, "resourcequotas", "resourcequota", List.of("quota"), true,
                        ResourceQuota.class, Set.of("status"), List.of()),
                type(Secret.KIND, "secrets", "secret", List.of(), true, Secret.class, Set.of(), List.of()),
                type(ServiceAccount.KIND, "serviceaccounts", "serviceaccount", List.of("sa"), true,
                        ServiceAccount.class, Set.of("token"), List.of()),
                type(Service.KIND, "services", "service", List.of("svc"), true, Service.class, Set.of("status"),
                        List.of("all")));
    }

    private static ResourceType type(String kind, String plural, String singular, List<String> shortNames,
                                     boolean namespaced, Class<? extends KubeObject> javaType,
                                     Set<String> subresources, List<String> categories) {
        return new ResourceType(GROUP, VERSION, kind, plural, singular, shortNames, namespaced, javaType,
                subresources, categories);
    }
}
