package kubelab.api.core;

/**
 * Per-container security settings; where a field is also in {@link PodSecurityContext}, the
 * container's value wins.
 *
 * <p>Real Kubernetes: {@code corev1.SecurityContext}.
 */
public record SecurityContext(
        Capabilities capabilities,
        Boolean privileged,
        SELinuxOptions seLinuxOptions,
        WindowsSecurityContextOptions windowsOptions,
        Long runAsUser,
        Long runAsGroup,
        Boolean runAsNonRoot,
        Boolean readOnlyRootFilesystem,
        Boolean allowPrivilegeEscalation,
        String procMount,
        SeccompProfile seccompProfile,
        AppArmorProfile appArmorProfile) {
}
