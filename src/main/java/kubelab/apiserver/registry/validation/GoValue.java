package kubelab.apiserver.registry.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.LabelSelector;

/**
 * A bad value as the Go API server prints it in a field error: a map, a selector or a struct in
 * Go's {@code %#v} notation, e.g. {@code map[string]string{"app":"nginx"}} or
 * {@code v1.LabelSelector{MatchLabels:map[string]string{"app":"web"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}}.
 * A {@link kubelab.apiserver.FieldError} prints a non-string value with {@code toString()}, so a
 * GoValue is passed as the bad value and prints itself.
 *
 * <p>Kubernetes 1.34 started to print such values as JSON instead ({@code {"app":"nginx"}});
 * KubeLab keeps the Go form that kubectl users have seen for a decade and that most
 * documentation and answers quote. Only this class would change to follow 1.34.
 *
 * <p>Real Kubernetes: {@code field.Error.ErrorBody} in
 * {@code k8s.io/apimachinery/pkg/util/validation/field/errors.go}, which falls back to {@code %#v}.
 */
public final class GoValue {
    private final String text;

    private GoValue(String text) {
        this.text = text;
    }

    /** A value already written in Go notation. */
    public static GoValue of(String goNotation) {
        return new GoValue(goNotation);
    }

    /** {@code map[string]string{"a":"1", "b":"2"}}, keys sorted as Go prints them; nil when empty. */
    public static GoValue stringMap(Map<String, String> map) {
        return new GoValue(stringMapText(map));
    }

    /** {@code []string{"a", "b"}}, or {@code []string(nil)} when empty. */
    public static GoValue stringSlice(List<String> values) {
        return new GoValue(sliceText("string", values.stream().map(GoValue::quote).toList()));
    }

    /** A label selector as {@code v1.LabelSelector{...}}. */
    public static GoValue labelSelector(LabelSelector selector) {
        if (selector == null) {
            return new GoValue("null");
        }
        List<String> exprs = new ArrayList<>();
        for (LabelSelector.Requirement r : selector.matchExpressions()) {
            exprs.add("v1.LabelSelectorRequirement{Key:" + quote(r.key()) + ", Operator:" + quote(r.operator())
                    + ", Values:" + sliceText("string", r.values().stream().map(GoValue::quote).toList()) + "}");
        }
        return new GoValue("v1.LabelSelector{MatchLabels:" + stringMapText(selector.matchLabels())
                + ", MatchExpressions:" + sliceText("v1.LabelSelectorRequirement", exprs) + "}");
    }

    /**
     * An {@code intstr.IntOrString} passed by value, which Go prints field by field:
     * {@code intstr.IntOrString{Type:1, IntVal:0, StrVal:"25%"}}.
     */
    public static GoValue intOrString(IntOrString value) {
        if (value == null) {
            return new GoValue("null");
        }
        return new GoValue(value.isInt()
                ? "intstr.IntOrString{Type:0, IntVal:" + value.intValue() + ", StrVal:\"\"}"
                : "intstr.IntOrString{Type:1, IntVal:0, StrVal:" + quote(value.stringValue()) + "}");
    }

    /**
     * A struct of the given Go type with fields in order, each value already in Go notation:
     * {@code struct("rbac.RoleRef", "APIGroup", quote(g), "Kind", quote(k), "Name", quote(n))}.
     */
    public static GoValue struct(String goType, String... namesAndValues) {
        StringBuilder sb = new StringBuilder(goType).append('{');
        for (int i = 0; i + 1 < namesAndValues.length; i += 2) {
            if (i > 0) {
                sb.append(", ");
            }
            sb.append(namesAndValues[i]).append(':').append(namesAndValues[i + 1]);
        }
        return new GoValue(sb.append('}').toString());
    }

    /** A Go string literal, as {@code %q} and {@code %#v} write it; null prints as the empty string. */
    public static String quote(String s) {
        return kubelab.api.labels.LabelValidation.quote(s == null ? "" : s);
    }

    private static String stringMapText(Map<String, String> map) {
        if (map == null || map.isEmpty()) {
            return "map[string]string(nil)";
        }
        List<String> entries = new ArrayList<>();
        new TreeMap<>(map).forEach((k, v) -> entries.add(quote(k) + ":" + quote(v)));
        return "map[string]string{" + String.join(", ", entries) + "}";
    }

    private static String sliceText(String elementType, List<String> elements) {
        if (elements.isEmpty()) {
            return "[]" + elementType + "(nil)";
        }
        return "[]" + elementType + "{" + String.join(", ", elements) + "}";
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof GoValue g && g.text.equals(text);
    }

    @Override
    public int hashCode() {
        return text.hashCode();
    }

    @Override
    public String toString() {
        return text;
    }
}
