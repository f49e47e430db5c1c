package kubelab.api.core;

/**
 * The values of a Secret's {@code type} and the data keys each requires. An absent type means
 * {@value #OPAQUE}, which requires nothing.
 *
 * <p>Real Kubernetes: {@code corev1.SecretType}.
 */
public final class SecretType {
    public static final String OPAQUE = "Opaque";
    /** Needs the {@code kubernetes.io/service-account.name} annotation; the token controller fills {@code token}. */
    public static final String SERVICE_ACCOUNT_TOKEN = "kubernetes.io/service-account-token";
    /** Needs {@code .dockercfg}. */
    public static final String DOCKERCFG = "kubernetes.io/dockercfg";
    /** Needs {@code .dockerconfigjson}. */
    public static final String DOCKER_CONFIG_JSON = "kubernetes.io/dockerconfigjson";
    /** Needs {@code username} or {@code password}. */
    public static final String BASIC_AUTH = "kubernetes.io/basic-auth";
    /** Needs {@code ssh-privatekey}. */
    public static final String SSH_AUTH = "kubernetes.io/ssh-auth";
    /** Needs {@code tls.crt} and {@code tls.key}. */
    public static final String TLS = "kubernetes.io/tls";
    public static final String BOOTSTRAP_TOKEN = "bootstrap.kubernetes.io/token";

    private SecretType() {
    }
}
