package kubelab.api.core;

/**
 * Identity and software versions the kubelet reports about its machine ({@code kubectl get nodes
 * -o wide} prints several).
 *
 * <p>Real Kubernetes: {@code corev1.NodeSystemInfo}.
 */
public record NodeSystemInfo(String machineID, String systemUUID, String bootID, String kernelVersion,
                             String osImage, String containerRuntimeVersion, String kubeletVersion,
                             String kubeProxyVersion, String operatingSystem, String architecture,
                             NodeSwapStatus swap) {
}
