package kubelab.api.fields;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import kubelab.api.labels.Operator;

/**
 * A parsed field selector such as {@code spec.nodeName=node-7,status.phase!=Succeeded}: terms
 * comparing one field of an object to one value, all of which must hold. A field an object does
 * not have reads as the empty string, so {@code spec.nodeName=} selects unscheduled Pods.
 *
 * <p>Only equality is supported ({@code =}, {@code ==}, {@code !=}). In a value, {@code \,},
 * {@code \=} and {@code \\} stand for a literal comma, equals sign and backslash. Which fields a
 * kind can be selected by is the API server's business, not this class's.
 *
 * <p>Immutable and thread-safe.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/fields/selector.go}.
 */
public final class FieldSelector {
    private static final FieldSelector EVERYTHING = new FieldSelector(List.of());

    /**
     * One term: {@code field}, {@link Operator#Equals} or {@link Operator#NotEquals}, and the
     * unescaped value ({@code ==} is read as {@code =}).
     */
    public record Requirement(String field, Operator operator, String value) {
        public Requirement {
            Objects.requireNonNull(field, "field");
            Objects.requireNonNull(value, "value");
            if (operator != Operator.Equals && operator != Operator.NotEquals) {
                throw new IllegalArgumentException("field selectors support only = and !=, not " + operator.word());
            }
        }

        /** True if the object's field (missing reads as "") satisfies this term. */
        public boolean matches(Map<String, String> fields) {
            String actual = fields.getOrDefault(field, "");
            return operator == Operator.Equals ? actual.equals(value) : !actual.equals(value);
        }

        /** {@code field=value} or {@code field!=value}, the value escaped. */
        @Override
        public String toString() {
            return field + (operator == Operator.Equals ? "=" : "!=") + escapeValue(value);
        }
    }

    private final List<Requirement> requirements;

    private FieldSelector(List<Requirement> requirements) {
        this.requirements = requirements;
    }

    /** Matches every object. */
    public static FieldSelector everything() {
        return EVERYTHING;
    }

    /** The single term {@code field=value}, e.g. for routing a watch by {@code spec.nodeName}. */
    public static FieldSelector oneTermEqual(String field, String value) {
        return new FieldSelector(List.of(new Requirement(field, Operator.Equals, value)));
    }

    /**
     * Parses {@code metadata.name=x,spec.nodeName!=,status.phase==Running}. Terms are sorted as
     * text before they are read, as Kubernetes does, which fixes the order {@link #toString()}
     * prints. Empty terms are skipped; the empty string is {@link #everything()}. Nothing is
     * trimmed: spaces belong to the field or value.
     *
     * @throws IllegalArgumentException with Kubernetes' message, e.g.
     *         {@code invalid selector: 'a'; can't understand 'a'}
     */
    public static FieldSelector parse(String selector) {
        List<String> terms = splitTerms(selector);
        Collections.sort(terms);
        List<Requirement> reqs = new ArrayList<>();
        for (String term : terms) {
            if (term.isEmpty()) {
                continue;
            }
            Requirement r = splitTerm(term);
            if (r == null) {
                throw new IllegalArgumentException("invalid selector: '" + selector + "'; can't understand '" + term + "'");
            }
            reqs.add(r);
        }
        return reqs.isEmpty() ? EVERYTHING : new FieldSelector(List.copyOf(reqs));
    }

    /** Splits on commas that are not escaped with a backslash; the backslashes stay for unescaping. */
    private static List<String> splitTerms(String selector) {
        List<String> terms = new ArrayList<>();
        if (selector.isEmpty()) {
            return terms;
        }
        int start = 0;
        boolean escaped = false;
        for (int i = 0; i < selector.length(); i++) {
            char c = selector.charAt(i);
            if (escaped) {
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',') {
                terms.add(selector.substring(start, i));
                start = i + 1;
            }
        }
        terms.add(selector.substring(start));
        return terms;
    }

    /** The first operator in the term splits it; "!=" and "==" are tried before "=" at each position. */
    private static Requirement splitTerm(String term) {
        for (int i = 0; i < term.length(); i++) {
            String field = term.substring(0, i);
            if (term.startsWith("!=", i)) {
                return new Requirement(field, Operator.NotEquals, unescapeValue(term.substring(i + 2)));
            }
            if (term.startsWith("==", i)) {
                return new Requirement(field, Operator.Equals, unescapeValue(term.substring(i + 2)));
            }
            if (term.startsWith("=", i)) {
                return new Requirement(field, Operator.Equals, unescapeValue(term.substring(i + 1)));
            }
        }
        return null;
    }

    /** Escapes {@code \}, {@code ,} and {@code =} so a literal value survives parsing. */
    public static String escapeValue(String value) {
        return value.replace("\\", "\\\\").replace(",", "\\,").replace("=", "\\=");
    }

    /**
     * Undoes {@link #escapeValue(String)}. An unescaped {@code ,} or {@code =} is an error, and
     * Kubernetes prints that character as its code point ({@code 61} for {@code =}), because Go
     * formats a rune with {@code %v} as a number; kept here, so the messages match.
     */
    static String unescapeValue(String value) {
        StringBuilder sb = new StringBuilder(value.length());
        boolean escaped = false;
        for (int i = 0; i < value.length(); i++) {
            char c = value.charAt(i);
            if (escaped) {
                if (c != '\\' && c != ',' && c != '=') {
                    throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\" + c);
                }
                sb.append(c);
                escaped = false;
            } else if (c == '\\') {
                escaped = true;
            } else if (c == ',' || c == '=') {
                throw new IllegalArgumentException("invalid field selector: unescaped character in value: " + (int) c);
            } else {
                sb.append(c);
            }
        }
        if (escaped) {
            throw new IllegalArgumentException("invalid field selector: invalid escape sequence: \\");
        }
        return sb.toString();
    }

    /** True if every term holds; a field missing from the map reads as "". */
    public boolean matches(Map<String, String> fields) {
        Map<String, String> fs = fields == null ? Map.of() : fields;
        for (Requirement r : requirements) {
            if (!r.matches(fs)) {
                return false;
            }
        }
        return true;
    }

    /** True if there are no terms. */
    public boolean isEmpty() {
        return requirements.isEmpty();
    }

    /** The terms, in the order they were parsed (sorted as text). */
    public List<Requirement> requirements() {
        return requirements;
    }

    /**
     * The value a term {@code field=value} demands, if there is one. The API server uses this to
     * send a watch such as {@code spec.nodeName=node-7} only the events of that node's Pods.
     */
    public Optional<String> exactMatch(String field) {
        for (Requirement r : requirements) {
            if (r.field().equals(field) && r.operator() == Operator.Equals) {
                return Optional.of(r.value());
            }
        }
        return Optional.empty();
    }

    /** Kubernetes' string form: terms joined by commas, {@code ==} printed as {@code =}, values escaped. */
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
        return o instanceof FieldSelector f && f.requirements.equals(requirements);
    }

    @Override
    public int hashCode() {
        return requirements.hashCode();
    }
}
