package kubelab.api.labels;

/**
 * A label selector that does not parse. The message is Kubernetes' own
 * ({@code unable to parse requirement: found '', expected: ',', ')' or identifier}); the position
 * of the offending token is kept apart, so the message stays what kubectl users see.
 *
 * <p>Real Kubernetes: the errors of {@code labels.Parse}.
 */
public final class SelectorParseException extends IllegalArgumentException {
    private final String selector;
    private final int position;

    public SelectorParseException(String message, String selector, int position) {
        super(message);
        this.selector = selector;
        this.position = position;
    }

    /** The text that failed to parse. */
    public String selector() {
        return selector;
    }

    /** 0-based offset of the token where parsing stopped. */
    public int position() {
        return position;
    }

    /** The selector with a caret under the offending token, for people. */
    public String pointer() {
        return selector + "\n" + " ".repeat(Math.max(0, position)) + "^";
    }
}
