package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A Pod: one or more containers that share a network namespace (one IP), volumes and a life cycle,
 * scheduled together onto one node. The smallest thing Kubernetes runs.
 *
 * <p>The user writes {@code spec}; the scheduler sets {@code spec.nodeName}; the kubelet of that
 * node runs the containers and writes {@code status}. A bare pod is never recreated when it dies
 * or its node is lost: that is what controllers are for.
 *
 * <p>Real Kubernetes: {@code corev1.Pod}, stored by {@code pkg/registry/core/pod}.
 */
public record Pod(String apiVersion, String kind, ObjectMeta metadata, PodSpec spec, PodStatus status)
        implements KubeObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Pod";

    public Pod {
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A pod with a namespace, a name and a spec, and no status yet. */
    public static Pod of(String namespace, String name, PodSpec spec) {
        return new Pod(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    /** A pod from metadata and a spec. */
    public static Pod of(ObjectMeta metadata, PodSpec spec) {
        return new Pod(null, null, metadata, spec, null);
    }

    @Override
    public Pod withMetadata(ObjectMeta metadata) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }

    public Pod withSpec(PodSpec spec) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }

    public Pod withStatus(PodStatus status) {
        return new Pod(apiVersion, kind, metadata, spec, status);
    }
}
