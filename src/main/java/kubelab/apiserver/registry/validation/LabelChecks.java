package kubelab.apiserver.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.labels.LabelValidation;
import kubelab.api.labels.Selector;
import kubelab.api.meta.LabelSelector;
import kubelab.apiserver.FieldError;

/**
 * Checks on labels and label selectors inside a spec (a template's labels, a Deployment's
 * {@code spec.selector}), with Kubernetes' paths and words. Keys are visited in sorted order so
 * that errors come out the same way every time (Go's map order is random).
 *
 * <p>Real Kubernetes: {@code ValidateLabels}, {@code ValidateLabelName},
 * {@code ValidateLabelSelector} and {@code ValidateLabelSelectorRequirement} in
 * {@code k8s.io/apimachinery/pkg/apis/meta/v1/validation/validation.go}.
 */
public final class LabelChecks {
    private LabelChecks() {
    }

    /** Each key must be a qualified name and each value a valid label value; errors name {@code path}. */
    public static List<FieldError> labels(Map<String, String> labels, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (labels == null) {
            return errors;
        }
        new TreeMap<>(labels).forEach((k, v) -> {
            errors.addAll(qualifiedName(k, path));
            for (String msg : LabelValidation.validateLabelValue(v == null ? "" : v)) {
                errors.add(FieldError.invalid(path, v, msg));
            }
        });
        return errors;
    }

    /** A label key, resource name or other qualified name ({@code example.com/MyName}). */
    public static List<FieldError> qualifiedName(String name, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (String msg : LabelValidation.validateLabelKey(name == null ? "" : name)) {
            errors.add(FieldError.invalid(path, name, msg));
        }
        return errors;
    }

    /** The parts of a selector: its matchLabels, and each expression's operator, key and values. */
    public static List<FieldError> labelSelector(LabelSelector selector, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (selector == null) {
            return errors;
        }
        errors.addAll(labels(selector.matchLabels(), path + ".matchLabels"));
        for (int i = 0; i < selector.matchExpressions().size(); i++) {
            LabelSelector.Requirement r = selector.matchExpressions().get(i);
            String at = path + ".matchExpressions[" + i + "]";
            String op = r.operator() == null ? "" : r.operator();
            switch (op) {
                case "In", "NotIn" -> {
                    if (r.values().isEmpty()) {
                        errors.add(FieldError.required(at + ".values",
                                "must be specified when `operator` is 'In' or 'NotIn'"));
                    }
                }
                case "Exists", "DoesNotExist" -> {
                    if (!r.values().isEmpty()) {
                        errors.add(FieldError.forbidden(at + ".values",
                                "may not be specified when `operator` is 'Exists' or 'DoesNotExist'"));
                    }
                }
                default -> errors.add(FieldError.invalid(at + ".operator", op, "not a valid selector operator"));
            }
            errors.addAll(qualifiedName(r.key(), at + ".key"));
            for (int j = 0; j < r.values().size(); j++) {
                for (String msg : LabelValidation.validateLabelValue(r.values().get(j))) {
                    errors.add(FieldError.invalid(at + ".values[" + j + "]", r.values().get(j), msg));
                }
            }
        }
        return errors;
    }

    /** True if the selector has neither matchLabels nor matchExpressions. */
    public static boolean isEmpty(LabelSelector selector) {
        return selector.matchLabels().isEmpty() && selector.matchExpressions().isEmpty();
    }

    /**
     * The selector as a matcher, or null if it cannot be one (an unknown operator, a bad key):
     * Kubernetes' {@code LabelSelectorAsSelector} returning an error. A null selector selects
     * nothing.
     */
    public static Selector asSelector(LabelSelector selector) {
        try {
            return Selector.from(selector);
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
