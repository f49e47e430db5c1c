package kubelab.api.core;

import java.time.Instant;

/**
 * Where a volume is in its life ({@code phase}, see {@link PersistentVolumePhase}), why, and since when.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeStatus}.
 */
public record PersistentVolumeStatus(String phase, String message, String reason, Instant lastPhaseTransitionTime) {

    public static PersistentVolumeStatus phase(String phase, Instant since) {
        return new PersistentVolumeStatus(phase, null, null, since);
    }
}
