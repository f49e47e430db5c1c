package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;

/**
 * A label query as objects carry it ({@code spec.selector} of a Deployment, ReplicaSet, ...):
 * {@code matchLabels} plus {@code matchExpressions}, all of which must hold. An empty selector
 * matches everything; a null one matches nothing.
 *
 * <p>{@link kubelab.api.labels.Selector#from(LabelSelector)} turns it into a matcher.
 *
 * <p>Real Kubernetes: {@code metav1.LabelSelector}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record LabelSelector(Map<String, String> matchLabels, List<Requirement> matchExpressions) {

    public LabelSelector {
        matchLabels = matchLabels == null ? Map.of()
                : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(matchLabels));
        matchExpressions = matchExpressions == null ? List.of() : List.copyOf(matchExpressions);
    }

    /** A selector with only {@code matchLabels}. */
    public static LabelSelector matching(Map<String, String> labels) {
        return new LabelSelector(labels, null);
    }

    /**
     * One expression: {@code operator} is In, NotIn, Exists or DoesNotExist; {@code values} must be
     * non-empty for In and NotIn and empty for the others.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Requirement(String key, String operator, List<String> values) {
        public Requirement {
            values = values == null ? List.of() : List.copyOf(values);
        }
    }
}
