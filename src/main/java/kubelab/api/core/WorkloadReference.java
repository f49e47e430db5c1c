package kubelab.api.core;

/**
 * The Workload and pod group a pod belongs to, for gang scheduling (alpha).
 *
 * <p>Real Kubernetes: {@code corev1.WorkloadReference}.
 */
public record WorkloadReference(String name, String podGroup, String podGroupReplicaKey) {
}
