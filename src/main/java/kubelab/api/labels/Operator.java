package kubelab.api.labels;

/**
 * How a selector requirement relates a key to its values, with the words Kubernetes uses for
 * each ({@code in}, {@code notin}, {@code !=}, ...). Field selectors use {@link #Equals},
 * {@link #DoubleEquals} and {@link #NotEquals} only.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/selection.Operator}.
 */
public enum Operator {
    DoesNotExist("!"),
    Equals("="),
    DoubleEquals("=="),
    In("in"),
    NotEquals("!="),
    NotIn("notin"),
    Exists("exists"),
    GreaterThan("gt"),
    LessThan("lt");

    private final String word;

    Operator(String word) {
        this.word = word;
    }

    /** The operator's string value in Kubernetes ({@code notin}, {@code !=}, {@code gt}). */
    public String word() {
        return word;
    }
}
