package kubelab.runtime.cri;

/**
 * An image as a pod names it ({@code nginx:1.14.2}, {@code registry.k8s.io/pause:3.10}).
 *
 * <p>Real Kubernetes: {@code ImageSpec} in the CRI.
 */
public record ImageSpec(String image) {
}
