package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * One daemon port. The JSON field really is {@code Port} with a capital P: an old struct tag
 * lacked quotes, and Kubernetes kept the name for compatibility.
 *
 * <p>Real Kubernetes: {@code corev1.DaemonEndpoint}.
 */
public record DaemonEndpoint(@JsonProperty("Port") Integer port) {
}
