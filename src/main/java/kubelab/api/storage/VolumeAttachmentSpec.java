package kubelab.api.storage;

/**
 * Which driver ({@code attacher}) should attach which volume to which node.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeAttachmentSpec}.
 */
public record VolumeAttachmentSpec(String attacher, VolumeAttachmentSource source, String nodeName) {

    /** The attachment of a PersistentVolume by name. */
    public static VolumeAttachmentSpec of(String attacher, String persistentVolumeName, String nodeName) {
        return new VolumeAttachmentSpec(attacher, new VolumeAttachmentSource(persistentVolumeName, null), nodeName);
    }
}
