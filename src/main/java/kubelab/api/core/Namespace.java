package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A Namespace: a scope for names and for policy (quotas, limits, access). Deleting one sets its
 * phase to Terminating; the namespace controller deletes everything in it, then removes the
 * {@code kubernetes} finalizer from {@code spec.finalizers}, and only then is it gone.
 *
 * <p>Real Kubernetes: {@code corev1.Namespace}, stored by {@code pkg/registry/core/namespace}.
 */
public record Namespace(String apiVersion, String kind, ObjectMeta metadata, NamespaceSpec spec,
                        NamespaceStatus status) implements KubeObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Namespace";
    /** Where objects go when no namespace is given. */
    public static final String DEFAULT = "default";
    /** Where the control plane's own objects live. */
    public static final String KUBE_SYSTEM = "kube-system";
    /** Readable by everyone, even unauthenticated users. */
    public static final String KUBE_PUBLIC = "kube-public";
    /** Where node heartbeats (Leases) live. */
    public static final String KUBE_NODE_LEASE = "kube-node-lease";

    public Namespace {
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A namespace with only a name. */
    public static Namespace named(String name) {
        return new Namespace(null, null, ObjectMeta.named(name), null, null);
    }

    @Override
    public Namespace withMetadata(ObjectMeta metadata) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }

    public Namespace withSpec(NamespaceSpec spec) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }

    public Namespace withStatus(NamespaceStatus status) {
        return new Namespace(apiVersion, kind, metadata, spec, status);
    }
}
