package kubelab.runtime.cri;

import java.time.Instant;
import java.util.Map;

/**
 * A sandbox as the runtime sees it: READY while its pause container runs, NOTREADY after.
 *
 * <p>Real Kubernetes: {@code PodSandboxStatus} in the CRI.
 */
public record PodSandboxStatus(String id, PodSandboxConfig.PodSandboxMetadata metadata, State state,
                               Instant createdAt, String ip, Map<String, String> labels) {
    public PodSandboxStatus {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
    }

    /** {@code SANDBOX_READY} / {@code SANDBOX_NOTREADY}. */
    public enum State { SANDBOX_READY, SANDBOX_NOTREADY }
}
