package kubelab.api.core;

/**
 * Whether resizing one resource of a running container restarts it ({@code RestartContainer}) or
 * not ({@code NotRequired}).
 *
 * <p>Real Kubernetes: {@code corev1.ContainerResizePolicy}.
 */
public record ContainerResizePolicy(String resourceName, String restartPolicy) {
}
