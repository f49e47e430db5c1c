package kubelab.runtime.cri;

import java.time.Instant;

/**
 * A container's resource usage at one moment.
 *
 * <p>Real Kubernetes: {@code ContainerStats} in the CRI ({@code cpu.usage_nano_cores},
 * {@code memory.working_set_bytes}); the kubelet's resource metrics, and through the
 * metrics-server the HorizontalPodAutoscaler, read these.
 */
public record ContainerStats(String containerId, Instant timestamp, long usageNanoCores, long workingSetBytes) {
}
