package kubelab.api.core;

import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;

/**
 * Totals a namespace may not exceed: compute resources ({@code requests.cpu}, {@code limits.memory})
 * and object counts ({@code pods}, {@code services.nodeports}). Admission rejects a create that
 * would go over {@code spec.hard}; the quota controller keeps {@code status.used} up to date.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceQuota}, enforced by the {@code ResourceQuota}
 * admission plugin and {@code pkg/controller/resourcequota}.
 */
public record ResourceQuota(String apiVersion, String kind, ObjectMeta metadata, ResourceQuotaSpec spec,
                            ResourceQuotaStatus status) implements KubeObject {

    public static final String KIND = "ResourceQuota";

    public ResourceQuota {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static ResourceQuota of(String namespace, String name, Map<String, Quantity> hard) {
        return new ResourceQuota(null, null, ObjectMeta.of(namespace, name), new ResourceQuotaSpec(hard, null, null),
                null);
    }

    @Override
    public ResourceQuota withMetadata(ObjectMeta metadata) {
        return new ResourceQuota(apiVersion, kind, metadata, spec, status);
    }

    public ResourceQuota withSpec(ResourceQuotaSpec spec) {
        return new ResourceQuota(apiVersion, kind, metadata, spec, status);
    }

    public ResourceQuota withStatus(ResourceQuotaStatus status) {
        return new ResourceQuota(apiVersion, kind, metadata, spec, status);
    }
}
