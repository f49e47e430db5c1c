package kubelab.api.core;

import java.util.List;

/**
 * The uid, gid and supplemental groups of a Linux container's first process.
 *
 * <p>Real Kubernetes: {@code corev1.LinuxContainerUser}.
 */
public record LinuxContainerUser(Long uid, Long gid, List<Long> supplementalGroups) {
    public LinuxContainerUser {
        supplementalGroups = Copies.list(supplementalGroups);
    }
}
