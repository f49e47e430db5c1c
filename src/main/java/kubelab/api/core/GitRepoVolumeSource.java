package kubelab.api.core;

/**
 * An emptyDir into which the kubelet clones a git repository before the pod starts (deprecated:
 * an init container that runs git does the same job).
 *
 * <p>Real Kubernetes: {@code corev1.GitRepoVolumeSource}.
 */
public record GitRepoVolumeSource(String repository, String revision, String directory) {
}
