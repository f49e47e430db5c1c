package kubelab.api.labels;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import kubelab.api.meta.LabelSelector;

/**
 * A parsed label selector: a list of {@link Requirement}s that must all hold. It answers "does
 * this object's label set match?" for list and watch filters, Services choosing their Pods, and
 * ReplicaSets counting theirs.
 *
 * <p>Three shapes matter and are easy to confuse:
 * <ul>
 *   <li>{@link #everything()}: no requirements, matches every object (an empty selector {@code {}});</li>
 *   <li>{@link #nothing()}: matches no object (a missing, null selector);</li>
 *   <li>a parsed selector, requirements sorted by key, which is also how it prints.</li>
 * </ul>
 *
 * <p>Immutable and thread-safe. Matching costs O(requirements).
 *
 * <p>Real Kubernetes: {@code labels.Selector} in {@code k8s.io/apimachinery/pkg/labels}, and
 * {@code metav1.LabelSelectorAsSelector} for {@link #from(LabelSelector)}.
 */
public final class Selector {
    private static final Selector EVERYTHING = new Selector(List.of(), false);
    private static final Selector NOTHING = new Selector(List.of(), true);

    private final List<Requirement> requirements;
    private final boolean nothing;

    private Selector(List<Requirement> requirements, boolean nothing) {
        this.requirements = requirements;
        this.nothing = nothing;
    }

    /** Matches every label set. */
    public static Selector everything() {
        return EVERYTHING;
    }

    /** Matches no label set. */
    public static Selector nothing() {
        return NOTHING;
    }

    /**
     * Parses the string form: {@code app=web,tier!=db,env in (a,b),!legacy,partition,env notin (x)}.
     * Operators are {@code =}, {@code ==}, {@code !=}, {@code in}, {@code notin}, {@code >},
     * {@code <}, a bare key (exists) and {@code !key} (does not exist). Whitespace around tokens
     * is ignored. The empty string is {@link #everything()}.
     *
     * @throws SelectorParseException with Kubernetes' message
     */
    public static Selector parse(String selector) {
        return of(SelectorParser.parse(selector));
    }

    /** A selector of exactly these requirements, sorted by key. */
    public static Selector of(List<Requirement> requirements) {
        if (requirements.isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> sorted = new ArrayList<>(requirements);
        sorted.sort(Comparator.comparing(Requirement::key)); // stable: equal keys keep their order
        return new Selector(List.copyOf(sorted), false);
    }

    /** Requires each label of the map to have exactly that value (a Service's {@code spec.selector}); empty means everything. */
    public static Selector fromSet(Map<String, String> labels) {
        if (labels == null) {
            return EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>();
        labels.forEach((k, v) -> reqs.add(new Requirement(k, Operator.Equals, Set.of(v))));
        return of(reqs);
    }

    /**
     * The selector an object's {@code spec.selector} means: null selects nothing, an empty one
     * everything; {@code matchLabels} become {@code =} requirements and {@code matchExpressions}
     * become In, NotIn, Exists or DoesNotExist.
     *
     * @throws IllegalArgumentException for an unknown operator ({@code "Foo" is not a valid label
     *         selector operator}) or an invalid key or value
     */
    public static Selector from(LabelSelector labelSelector) {
        if (labelSelector == null) {
            return NOTHING;
        }
        if (labelSelector.matchLabels().isEmpty() && labelSelector.matchExpressions().isEmpty()) {
            return EVERYTHING;
        }
        List<Requirement> reqs = new ArrayList<>();
        labelSelector.matchLabels().forEach((k, v) -> reqs.add(new Requirement(k, Operator.Equals, Set.of(v))));
        for (LabelSelector.Requirement expr : labelSelector.matchExpressions()) {
            Operator op = switch (String.valueOf(expr.operator())) {
                case "In" -> Operator.In;
                case "NotIn" -> Operator.NotIn;
                case "Exists" -> Operator.Exists;
                case "DoesNotExist" -> Operator.DoesNotExist;
                default -> throw new IllegalArgumentException(
                        LabelValidation.quote(String.valueOf(expr.operator())) + " is not a valid label selector operator");
            };
            reqs.add(new Requirement(expr.key(), op, Set.copyOf(expr.values())));
        }
        return of(reqs);
    }

    /** True if every requirement holds for these labels (a missing map reads as no labels). */
    public boolean matches(Map<String, String> labels) {
        if (nothing) {
            return false;
        }
        Map<String, String> ls = labels == null ? Map.of() : labels;
        for (Requirement r : requirements) {
            if (!r.matches(ls)) {
                return false;
            }
        }
        return true;
    }

    /** True if this selector does not restrict anything ({@link #everything()}); {@link #nothing()} is not empty. */
    public boolean isEmpty() {
        return !nothing && requirements.isEmpty();
    }

    /** True for {@link #nothing()}. */
    public boolean selectsNothing() {
        return nothing;
    }

    /** The requirements, sorted by key. */
    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The one value this selector demands for a key, if its first requirement on that key is
     * {@code key=v}, {@code key==v} or {@code key in (v)}. An index can then answer the query
     * with one lookup instead of a scan.
     */
    public Optional<String> exactMatch(String key) {
        for (Requirement r : requirements) {
            if (r.key().equals(key)) {
                boolean exact = r.operator() == Operator.Equals || r.operator() == Operator.DoubleEquals
                        || r.operator() == Operator.In;
                return exact && r.values().size() == 1 ? Optional.of(r.values().iterator().next()) : Optional.empty();
            }
        }
        return Optional.empty();
    }

    /** Kubernetes' string form, requirements sorted by key; {@code ""} for everything and for nothing. */
    @Override
    public String toString() {
        List<String> parts = new ArrayList<>();
        for (Requirement r : requirements) {
            parts.add(r.toString());
        }
        return String.join(",", parts);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Selector s && s.nothing == nothing && s.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return Objects.hash(requirements, nothing);
    }
}
