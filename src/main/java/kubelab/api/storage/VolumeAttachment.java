package kubelab.api.storage;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A request to attach one volume to one node, and the answer. The attach/detach controller creates
 * it when a pod needing an attachable volume lands on a node; the driver's external attacher calls
 * ControllerPublishVolume and sets {@code status.attached}; the kubelet waits for that before
 * mounting. Cluster-scoped.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeAttachment}, created by {@code pkg/controller/volume/attachdetach}.
 */
public record VolumeAttachment(String apiVersion, String kind, ObjectMeta metadata, VolumeAttachmentSpec spec,
                               VolumeAttachmentStatus status) implements KubeObject {

    public static final String KIND = "VolumeAttachment";

    public VolumeAttachment {
        apiVersion = apiVersion == null ? StorageV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static VolumeAttachment of(String name, VolumeAttachmentSpec spec) {
        return new VolumeAttachment(null, null, ObjectMeta.named(name), spec, null);
    }

    @Override
    public VolumeAttachment withMetadata(ObjectMeta metadata) {
        return new VolumeAttachment(apiVersion, kind, metadata, spec, status);
    }

    public VolumeAttachment withStatus(VolumeAttachmentStatus status) {
        return new VolumeAttachment(apiVersion, kind, metadata, spec, status);
    }
}
