package kubelab.api.storage;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The attacher's answer: whether the volume is attached, what the driver returned for the node to
 * use when mounting ({@code attachmentMetadata}), and the last attach or detach error.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeAttachmentStatus}.
 */
public record VolumeAttachmentStatus(Boolean attached, Map<String, String> attachmentMetadata,
                                     VolumeError attachError, VolumeError detachError) {
    public VolumeAttachmentStatus {
        attachmentMetadata = attachmentMetadata == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(attachmentMetadata));
    }

    /** A successful attachment. */
    public static VolumeAttachmentStatus attached(Map<String, String> attachmentMetadata) {
        return new VolumeAttachmentStatus(true, attachmentMetadata, null, null);
    }
}
