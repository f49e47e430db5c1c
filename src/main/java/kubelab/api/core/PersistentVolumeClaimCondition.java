package kubelab.api.core;

import java.time.Instant;

/**
 * One condition of a claim, such as {@code Resizing} or {@code FileSystemResizePending}.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimCondition}.
 */
public record PersistentVolumeClaimCondition(String type, String status, Instant lastProbeTime,
                                             Instant lastTransitionTime, String reason, String message) {

    public static final String RESIZING = "Resizing";
    public static final String FILE_SYSTEM_RESIZE_PENDING = "FileSystemResizePending";
    public static final String MODIFY_VOLUME_ERROR = "ModifyVolumeError";
    public static final String MODIFYING_VOLUME = "ModifyingVolume";
}
