package kubelab.api.core;

import java.util.List;

/**
 * Security settings for every container of a pod, plus the pod-only ones: supplemental groups,
 * the {@code fsGroup} that owns mounted volumes, and namespaced sysctls.
 *
 * <p>Real Kubernetes: {@code corev1.PodSecurityContext}.
 */
public record PodSecurityContext(
        SELinuxOptions seLinuxOptions,
        WindowsSecurityContextOptions windowsOptions,
        Long runAsUser,
        Long runAsGroup,
        Boolean runAsNonRoot,
        List<Long> supplementalGroups,
        String supplementalGroupsPolicy,
        Long fsGroup,
        List<Sysctl> sysctls,
        String fsGroupChangePolicy,
        SeccompProfile seccompProfile,
        AppArmorProfile appArmorProfile,
        String seLinuxChangePolicy) {

    public PodSecurityContext {
        supplementalGroups = Copies.list(supplementalGroups);
        sysctls = Copies.list(sysctls);
    }
}
