package kubelab.scheduler.plugins.helper;

import java.util.List;
import java.util.Map;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSelector;
import kubelab.api.core.NodeSelectorOperator;
import kubelab.api.core.NodeSelectorRequirement;
import kubelab.api.core.NodeSelectorTerm;

/**
 * Whether a node matches a {@link NodeSelector}: its terms are ORed, the requirements inside one
 * term are ANDed. A term with no requirements matches nothing, and a selector with no terms
 * matches nothing, as in Kubernetes.
 *
 * <p>{@code matchExpressions} look at the node's labels; {@code matchFields} supports only
 * {@code metadata.name}. Operators: {@code In}, {@code NotIn} and {@code DoesNotExist} (both true
 * when the label is absent), {@code Exists}, and {@code Gt}/{@code Lt}, which compare the label
 * and the single value as integers.
 *
 * <p>Real Kubernetes: {@code NodeSelector} in {@code k8s.io/component-helpers/scheduling/corev1/nodeaffinity}.
 */
public final class NodeSelectors {
    /** The one field {@code matchFields} may use. */
    public static final String NODE_FIELD_SELECTOR_KEY_NODE_NAME = "metadata.name";

    private NodeSelectors() {
    }

    /** Whether the node matches at least one term of the selector. */
    public static boolean matches(NodeSelector selector, Node node) {
        return selector.nodeSelectorTerms().stream().anyMatch(term -> matchesTerm(term, node));
    }

    /** Whether the node matches every requirement of one term; an empty term matches nothing. */
    public static boolean matchesTerm(NodeSelectorTerm term, Node node) {
        if (term == null || (term.matchExpressions().isEmpty() && term.matchFields().isEmpty())) {
            return false;
        }
        Map<String, String> labels = node.metadata().labels();
        for (NodeSelectorRequirement r : term.matchExpressions()) {
            if (!matchesRequirement(r, labels)) {
                return false;
            }
        }
        Map<String, String> fields = Map.of(NODE_FIELD_SELECTOR_KEY_NODE_NAME, node.metadata().name());
        for (NodeSelectorRequirement r : term.matchFields()) {
            if (!NODE_FIELD_SELECTOR_KEY_NODE_NAME.equals(r.key()) || !matchesRequirement(r, fields)) {
                return false;
            }
        }
        return true;
    }

    static boolean matchesRequirement(NodeSelectorRequirement r, Map<String, String> labels) {
        String value = labels.get(r.key());
        List<String> values = r.values();
        return switch (r.operator()) {
            case NodeSelectorOperator.IN -> value != null && values.contains(value);
            case NodeSelectorOperator.NOT_IN -> value == null || !values.contains(value);
            case NodeSelectorOperator.EXISTS -> value != null;
            case NodeSelectorOperator.DOES_NOT_EXIST -> value == null;
            case NodeSelectorOperator.GT, NodeSelectorOperator.LT -> compareAsIntegers(r.operator(), value, values);
            default -> false;
        };
    }

    private static boolean compareAsIntegers(String operator, String label, List<String> values) {
        if (label == null || values.size() != 1) {
            return false;
        }
        try {
            long have = Long.parseLong(label);
            long want = Long.parseLong(values.get(0));
            return NodeSelectorOperator.GT.equals(operator) ? have > want : have < want;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
