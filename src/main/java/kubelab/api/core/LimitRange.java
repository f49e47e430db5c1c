package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Per-object resource limits in a namespace: bounds that pods, containers or claims must stay
 * within, and defaults filled into containers that set no requests or limits.
 *
 * <p>Real Kubernetes: {@code corev1.LimitRange}, enforced and applied by the {@code LimitRanger}
 * admission plugin.
 */
public record LimitRange(String apiVersion, String kind, ObjectMeta metadata, LimitRangeSpec spec)
        implements KubeObject {

    public static final String KIND = "LimitRange";

    public LimitRange {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static LimitRange of(String namespace, String name, List<LimitRangeItem> limits) {
        return new LimitRange(null, null, ObjectMeta.of(namespace, name), new LimitRangeSpec(limits));
    }

    @Override
    public LimitRange withMetadata(ObjectMeta metadata) {
        return new LimitRange(apiVersion, kind, metadata, spec);
    }

    public LimitRange withSpec(LimitRangeSpec spec) {
        return new LimitRange(apiVersion, kind, metadata, spec);
    }
}
