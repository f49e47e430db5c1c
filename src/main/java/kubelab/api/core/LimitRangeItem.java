package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * The limits for one {@code type} of object ({@value #TYPE_CONTAINER}, {@value #TYPE_POD} or
 * {@value #TYPE_PERSISTENT_VOLUME_CLAIM}): {@code min} and {@code max} bounds, the default limit
 * and request given to containers that set none, and the largest allowed limit/request ratio.
 * The JSON field {@code default} is a Java keyword, so the component is {@code defaultLimit}.
 *
 * <p>Real Kubernetes: {@code corev1.LimitRangeItem}.
 */
public record LimitRangeItem(String type, Map<String, Quantity> max, Map<String, Quantity> min,
                             @JsonProperty("default") Map<String, Quantity> defaultLimit,
                             Map<String, Quantity> defaultRequest, Map<String, Quantity> maxLimitRequestRatio) {

    public static final String TYPE_POD = "Pod";
    public static final String TYPE_CONTAINER = "Container";
    public static final String TYPE_PERSISTENT_VOLUME_CLAIM = "PersistentVolumeClaim";

    public LimitRangeItem {
        max = Copies.map(max);
        min = Copies.map(min);
        defaultLimit = Copies.map(defaultLimit);
        defaultRequest = Copies.map(defaultRequest);
        maxLimitRequestRatio = Copies.map(maxLimitRequestRatio);
    }
}
