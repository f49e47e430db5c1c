package kubelab.runtime.shell;

/**
 * A script the parser cannot read; the shell prints {@code sh: syntax error: <message>} and exits 2.
 *
 * <p>Real Kubernetes: none; busybox ash's {@code raise_error_syntax}.
 */
public final class ShellSyntaxException extends RuntimeException {
    public ShellSyntaxException(String message) {
        super(message);
    }
}
