package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.PatchStrategy;

/**
 * An identity for processes in pods: a pod runs as one ({@code spec.serviceAccountName}, default
 * {@code default}) and, unless {@code automountServiceAccountToken} is false, gets a token for it
 * from the {@code token} subresource, mounted as a projected volume. Its {@code imagePullSecrets}
 * are added to the pods that use it.
 *
 * <p>Real Kubernetes: {@code corev1.ServiceAccount}.
 */
public record ServiceAccount(String apiVersion, String kind, ObjectMeta metadata,
                             @PatchStrategy(value = "merge", mergeKey = "name") List<ObjectReference> secrets,
                             List<LocalObjectReference> imagePullSecrets, Boolean automountServiceAccountToken)
        implements KubeObject {

    public static final String KIND = "ServiceAccount";
    /** The account each namespace gets and pods use when they name none. */
    public static final String DEFAULT_NAME = "default";

    public ServiceAccount {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        secrets = Copies.list(secrets);
        imagePullSecrets = Copies.list(imagePullSecrets);
    }

    public static ServiceAccount of(String namespace, String name) {
        return new ServiceAccount(null, null, ObjectMeta.of(namespace, name), null, null, null);
    }

    @Override
    public ServiceAccount withMetadata(ObjectMeta metadata) {
        return new ServiceAccount(apiVersion, kind, metadata, secrets, imagePullSecrets, automountServiceAccountToken);
    }
}
