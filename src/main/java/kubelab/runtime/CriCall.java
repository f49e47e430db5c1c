package kubelab.runtime;

import java.time.Duration;
import java.util.Set;
import kubelab.time.Durations;

/**
 * One call the kubelet made to its container runtime through the CRI: when (virtual time since the
 * cluster started), which gRPC method, for which pod ({@code namespace/name}, or null when the
 * call names none, as {@code ImageStatus} and {@code ListContainers} do), and what it was about
 * (a container's name, an image, the answer of a status call).
 *
 * <p>Real Kubernetes: one request in containerd's CRI debug log, or one sample of the kubelet's
 * {@code kubelet_runtime_operations_total{operation_type=...}} metric, which
 * {@code instrumentedRuntimeService} counts for every call.
 */
public record CriCall(Duration at, String method, String pod, String container, String image, String outcome) {
    /**
     * Calls that only read the runtime's state. The kubelet makes them on every sync and every
     * resync, so they drown the calls that change something; {@link CriCallLog#calls()} leaves
     * them out. {@code ImageStatus} is a read too, but it decides whether a pull follows, so it stays.
     */
    public static final Set<String> READS = Set.of("Version", "PodSandboxStatus", "ListPodSandbox",
            "ContainerStatus", "ListContainers", "ListImages", "ContainerStats", "ContainerLogs");

    /** Whether the call only reads state (see {@link #READS}). */
    public boolean isRead() {
        return READS.contains(method);
    }

    /** Whether the call was made for the pod {@code namespace/name}. */
    public boolean isFor(String namespace, String name) {
        return (namespace + "/" + name).equals(pod);
    }

    /** {@code 5.95s  CreateContainer  default/web  nginx  nginx:1.14.2}; {@code 0s  ImageStatus  nginx:1.14.2  → not present}. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(Durations.format(at)).append("  ").append(method);
        for (String part : new String[] {pod, container, image}) {
            if (part != null) {
                sb.append("  ").append(part);
            }
        }
        if (outcome != null) {
            sb.append("  → ").append(outcome);
        }
        return sb.toString();
    }
}
