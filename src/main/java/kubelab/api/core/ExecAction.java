package kubelab.api.core;

import java.util.List;

/**
 * A command run inside the container (not in a shell); exit status 0 is success.
 *
 * <p>Real Kubernetes: {@code corev1.ExecAction}.
 */
public record ExecAction(List<String> command) {
    public ExecAction {
        command = Copies.list(command);
    }
}
