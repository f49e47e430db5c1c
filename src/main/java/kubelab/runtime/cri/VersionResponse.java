package kubelab.runtime.cri;

/**
 * The runtime's name and version; the node reports them as {@code containerRuntimeVersion}
 * ({@code kubelab://1.0}).
 *
 * <p>Real Kubernetes: {@code VersionResponse} in the CRI.
 */
public record VersionResponse(String version, String runtimeName, String runtimeVersion, String runtimeApiVersion) {
}
