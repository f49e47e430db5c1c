package kubelab.api.core;

/**
 * Windows-only security settings.
 *
 * <p>Real Kubernetes: {@code corev1.WindowsSecurityContextOptions}.
 */
public record WindowsSecurityContextOptions(String gmsaCredentialSpecName, String gmsaCredentialSpec,
                                            String runAsUserName, Boolean hostProcess) {
}
