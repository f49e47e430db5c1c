package kubelab.api.labels;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * One condition of a label selector: a key, an {@link Operator} and a set of values
 * ({@code tier in (cache,web)}, {@code env!=prod}, {@code !legacy}). A selector matches when all
 * its requirements do. Values are kept sorted, as Kubernetes prints them.
 *
 * <p>Construction validates as Kubernetes' {@code NewRequirement} does (key syntax, value
 * syntax, the number of values each operator takes) and fails with its messages.
 *
 * <p>Real Kubernetes: {@code labels.Requirement} in {@code k8s.io/apimachinery/pkg/labels/selector.go}.
 */
public record Requirement(String key, Operator operator, Set<String> values) {

    /**
     * @throws IllegalArgumentException with Kubernetes' field errors, e.g.
     *         {@code values[0][app]: Invalid value: "-web": a valid label must be ...}
     */
    public Requirement {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(operator, "operator");
        values = Collections.unmodifiableSet(values == null ? new TreeSet<>() : new TreeSet<>(values));
        List<String> errs = validate(key, operator, List.copyOf(values));
        if (!errs.isEmpty()) {
            throw new IllegalArgumentException(aggregate(errs));
        }
    }

    /** A requirement with these values, e.g. {@code of("tier", In, "web", "cache")}. */
    public static Requirement of(String key, Operator operator, String... values) {
        return new Requirement(key, operator, Set.of(values));
    }

    private static List<String> validate(String key, Operator operator, List<String> vals) {
        List<String> errs = new ArrayList<>();
        List<String> keyErrs = LabelValidation.validateLabelKey(key);
        if (!keyErrs.isEmpty()) {
            errs.add(LabelValidation.invalid("key", key, String.join("; ", keyErrs)));
        }
        switch (operator) {
            case In, NotIn -> {
                if (vals.isEmpty()) {
                    errs.add(LabelValidation.invalid("values", vals, "for 'in', 'notin' operators, values set can't be empty"));
                }
            }
            case Equals, DoubleEquals, NotEquals -> {
                if (vals.size() != 1) {
                    errs.add(LabelValidation.invalid("values", vals, "exact-match compatibility requires one single value"));
                }
            }
            case Exists, DoesNotExist -> {
                if (!vals.isEmpty()) {
                    errs.add(LabelValidation.invalid("values", vals, "values set must be empty for exists and does not exist"));
                }
            }
            case GreaterThan, LessThan -> {
                if (vals.size() != 1) {
                    errs.add(LabelValidation.invalid("values", vals, "for 'Gt', 'Lt' operators, exactly one value is required"));
                }
                for (int i = 0; i < vals.size(); i++) {
                    if (parseLong(vals.get(i)) == null) {
                        errs.add(LabelValidation.invalid("values[" + i + "]", vals.get(i),
                                "for 'Gt', 'Lt' operators, the value must be an integer"));
                    }
                }
            }
            default -> throw new IllegalArgumentException("unsupported operator " + operator);
        }
        for (int i = 0; i < vals.size(); i++) {
            List<String> valueErrs = LabelValidation.validateLabelValue(vals.get(i));
            if (!valueErrs.isEmpty()) {
                errs.add(LabelValidation.invalid("values[" + i + "][" + key + "]", vals.get(i), String.join("; ", valueErrs)));
            }
        }
        return errs;
    }

    /** Several errors print as {@code [a, b]}, one as itself, repeats once: Kubernetes' aggregate. */
    static String aggregate(Collection<String> errs) {
        Set<String> unique = new LinkedHashSet<>(errs);
        return unique.size() == 1 ? unique.iterator().next() : "[" + String.join(", ", unique) + "]";
    }

    private static Long parseLong(String s) {
        try {
            return Long.parseLong(s);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /**
     * Whether a set of labels satisfies this requirement. Note the negative operators:
     * {@code !=} and {@code notin} also match when the key is absent.
     */
    public boolean matches(Map<String, String> labels) {
        boolean has = labels.containsKey(key);
        String value = labels.get(key);
        return switch (operator) {
            case In, Equals, DoubleEquals -> has && values.contains(value);
            case NotIn, NotEquals -> !has || !values.contains(value);
            case Exists -> has;
            case DoesNotExist -> !has;
            case GreaterThan, LessThan -> {
                Long actual = has ? parseLong(value) : null;
                if (actual == null) {
                    yield false; // an absent or non-numeric label never compares
                }
                long bound = Long.parseLong(values.iterator().next());
                yield operator == Operator.GreaterThan ? actual > bound : actual < bound;
            }
        };
    }

    /** Kubernetes' string form: {@code !key}, {@code key}, {@code key=v}, {@code key in (a,b)}, {@code key>5}. */
    @Override
    public String toString() {
        String joined = String.join(",", values);
        return switch (operator) {
            case DoesNotExist -> "!" + key;
            case Exists -> key;
            case Equals -> key + "=" + joined;
            case DoubleEquals -> key + "==" + joined;
            case NotEquals -> key + "!=" + joined;
            case In -> key + " in (" + joined + ")";
            case NotIn -> key + " notin (" + joined + ")";
            case GreaterThan -> key + ">" + joined;
            case LessThan -> key + "<" + joined;
        };
    }
}
