package kubelab.runtime.cri;

import java.time.Instant;
import java.util.Map;

/**
 * A container as the runtime sees it. For an exited container, {@code exitCode}, {@code reason}
 * ({@code Completed}, {@code Error}, {@code OOMKilled}) and {@code message} say how it ended.
 *
 * <p>Real Kubernetes: {@code ContainerStatus} in the CRI (not {@code v1.ContainerStatus}, which the
 * kubelet builds from it).
 */
public record ContainerStatus(String id, String podSandboxId, ContainerConfig.ContainerMetadata metadata,
                              ContainerState state, Instant createdAt, Instant startedAt, Instant finishedAt,
                              int exitCode, ImageSpec image, String imageRef, String reason, String message,
                              Map<String, String> labels, Map<String, String> annotations, String logPath) {
    public ContainerStatus {
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }
}
