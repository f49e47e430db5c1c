package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

/**
 * The metadata of a list: the resourceVersion the list was read at (start a watch from it to miss
 * nothing), and a {@code continue} token when the list was cut by {@code limit}.
 *
 * <p>Real Kubernetes: {@code metav1.ListMeta}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ListMeta(String resourceVersion, @JsonProperty("continue") String continueToken,
                       Long remainingItemCount) {
}
