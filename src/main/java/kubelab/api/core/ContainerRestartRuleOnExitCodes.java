package kubelab.api.core;

import java.util.List;

/**
 * The exit codes a restart rule matches: {@code operator} In or NotIn {@code values}.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerRestartRuleOnExitCodes}.
 */
public record ContainerRestartRuleOnExitCodes(String operator, List<Integer> values) {
    public ContainerRestartRuleOnExitCodes {
        values = Copies.list(values);
    }
}
