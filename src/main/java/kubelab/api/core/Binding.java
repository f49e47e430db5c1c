package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A request to put a pod on a node: {@code metadata.name} names the pod, {@code target} the node.
 * The scheduler posts one to the pod's {@code binding} subresource; the API server then sets
 * {@code spec.nodeName} (which no ordinary update may change) and the {@code PodScheduled}
 * condition in one write. A Binding is never stored.
 *
 * <p>Real Kubernetes: {@code corev1.Binding}, handled by {@code BindingREST} in
 * {@code pkg/registry/core/pod/storage/storage.go}.
 */
public record Binding(String apiVersion, String kind, ObjectMeta metadata, ObjectReference target)
        implements KubeObject {

    public static final String KIND = "Binding";

    public Binding {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A binding of the pod {@code namespace/name} (with its uid, if known) to {@code nodeName}. */
    public static Binding of(String namespace, String name, String uid, String nodeName) {
        ObjectMeta meta = ObjectMeta.named(name).withNamespace(namespace).withUid(uid);
        return new Binding(null, null, meta, new ObjectReference("Node", null, nodeName, null, "v1", null, null));
    }

    @Override
    public Binding withMetadata(ObjectMeta metadata) {
        return new Binding(apiVersion, kind, metadata, target);
    }
}
