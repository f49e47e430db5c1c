package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A Node: a machine that runs pods. Its kubelet registers it, reports its capacity, addresses and
 * conditions in {@code status}, and renews its heartbeat; the node controller marks it NotReady
 * and taints it when the heartbeats stop. Nodes are cluster-scoped.
 *
 * <p>Real Kubernetes: {@code corev1.Node}, stored by {@code pkg/registry/core/node}.
 */
public record Node(String apiVersion, String kind, ObjectMeta metadata, NodeSpec spec, NodeStatus status)
        implements KubeObject {

    public static final String API_VERSION = "v1";
    public static final String KIND = "Node";

    public Node {
        apiVersion = apiVersion == null ? API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    /** A node with only a name. */
    public static Node named(String name) {
        return new Node(null, null, ObjectMeta.named(name), null, null);
    }

    @Override
    public Node withMetadata(ObjectMeta metadata) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }

    public Node withSpec(NodeSpec spec) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }

    public Node withStatus(NodeStatus status) {
        return new Node(apiVersion, kind, metadata, spec, status);
    }
}
