package kubelab.runtime.cri;

/**
 * What a command run with {@code ExecSync} printed and how it ended.
 *
 * <p>Real Kubernetes: {@code ExecSyncResponse} in the CRI.
 */
public record ExecResult(String stdout, String stderr, int exitCode, boolean timedOut) {
}
