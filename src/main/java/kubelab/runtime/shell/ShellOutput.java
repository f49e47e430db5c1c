package kubelab.runtime.shell;

/**
 * Where a shell's standard output and standard error go: the container's log streams.
 *
 * <p>Text arrives as written ({@code echo -n} writes no newline), so a sink that keeps lines must
 * join partial writes itself, as {@link CapturedOutput} does.
 *
 * <p>Real Kubernetes: the container runtime's log files under {@code /var/log/pods}, written by
 * the CRI shim and read by {@code kubectl logs}.
 */
public interface ShellOutput {

    void stdout(String text);

    void stderr(String text);
}
