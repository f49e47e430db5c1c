package kubelab.api.core;

/**
 * Lets a pod be scheduled onto (or stay on) a node with a matching taint. {@code operator} is
 * Equal (key and value match, the default) or Exists (any value; with no key it tolerates every
 * taint); see {@link TolerationOperator}.
 * {@code effect} empty matches all effects; {@code tolerationSeconds} bounds how long a NoExecute
 * taint is tolerated before eviction.
 *
 * <p>Real Kubernetes: {@code corev1.Toleration}.
 */
public record Toleration(String key, String operator, String value, String effect, Long tolerationSeconds) {
}
