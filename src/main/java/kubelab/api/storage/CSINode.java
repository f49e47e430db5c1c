package kubelab.api.storage;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * The CSI drivers installed on one node (same name as the Node), as the kubelet registers them:
 * each driver's id for the node, its topology keys and how many volumes it can attach.
 *
 * <p>Real Kubernetes: {@code storagev1.CSINode}, written by the kubelet's CSI plugin manager.
 */
public record CSINode(String apiVersion, String kind, ObjectMeta metadata, CSINodeSpec spec) implements KubeObject {

    public static final String KIND = "CSINode";

    public CSINode {
        apiVersion = apiVersion == null ? StorageV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static CSINode of(String nodeName, CSINodeSpec spec) {
        return new CSINode(null, null, ObjectMeta.named(nodeName), spec);
    }

    @Override
    public CSINode withMetadata(ObjectMeta metadata) {
        return new CSINode(apiVersion, kind, metadata, spec);
    }

    public CSINode withSpec(CSINodeSpec spec) {
        return new CSINode(apiVersion, kind, metadata, spec);
    }
}
