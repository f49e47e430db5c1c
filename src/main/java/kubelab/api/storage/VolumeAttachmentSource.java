package kubelab.api.storage;

import kubelab.api.core.PersistentVolumeSpec;

/**
 * The volume to attach: a PersistentVolume by name, or (for in-tree volumes migrated to CSI) the
 * spec of a pod's inline volume.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeAttachmentSource}.
 */
public record VolumeAttachmentSource(String persistentVolumeName, PersistentVolumeSpec inlineVolumeSpec) {
}
