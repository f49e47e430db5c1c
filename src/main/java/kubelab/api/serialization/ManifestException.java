package kubelab.api.serialization;

/**
 * A manifest that cannot be read or typed. The message says where, in the two shapes an editor
 * and a person understand: {@code pods/bad.yaml:7:3: mapping values are not allowed here} for a
 * syntax error, and {@code pods/x.yaml (document 2, line 14): Object 'Kind' is missing in '{...}'}
 * for a document that parses but is not a usable object. No stack traces in messages.
 *
 * <p>Real Kubernetes: the errors {@code kubectl apply -f} prints before anything reaches the server.
 */
public final class ManifestException extends RuntimeException {
    private final String source;
    private final int line;
    private final int column;

    public ManifestException(String message, String source, int line, int column) {
        super(message);
        this.source = source;
        this.line = line;
        this.column = column;
    }

    /** The file name as given. */
    public String source() {
        return source;
    }

    /** 1-based line, or 0 if unknown. */
    public int line() {
        return line;
    }

    /** 1-based column, or 0 if unknown. */
    public int column() {
        return column;
    }
}
