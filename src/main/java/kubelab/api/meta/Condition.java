package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;

/**
 * The standard condition shape of {@code metav1.Condition}: a {@code type}, a {@code status} of
 * "True", "False" or "Unknown", a CamelCase {@code reason} and a human {@code message}.
 * Kinds with their own condition type (PodCondition, NodeCondition...) keep it; this one serves
 * the newer kinds that use the shared shape.
 *
 * <p>Real Kubernetes: {@code metav1.Condition}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Condition(String type, String status, Long observedGeneration, Instant lastTransitionTime,
                        String reason, String message) {
}
