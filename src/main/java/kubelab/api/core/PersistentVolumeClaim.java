package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A user's request for storage: a size, access modes and a class. The binder finds (or the
 * provisioner creates) a matching PersistentVolume and binds the two one-to-one; pods then use
 * the claim by name. {@code status.phase} (see {@link PersistentVolumeClaimPhase}) is Pending until bound.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaim}.
 */
public record PersistentVolumeClaim(String apiVersion, String kind, ObjectMeta metadata,
                                    PersistentVolumeClaimSpec spec, PersistentVolumeClaimStatus status)
        implements KubeObject {

    public static final String KIND = "PersistentVolumeClaim";

    public PersistentVolumeClaim {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static PersistentVolumeClaim of(String namespace, String name, PersistentVolumeClaimSpec spec) {
        return new PersistentVolumeClaim(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public PersistentVolumeClaim withMetadata(ObjectMeta metadata) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status);
    }

    public PersistentVolumeClaim withSpec(PersistentVolumeClaimSpec spec) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status);
    }

    public PersistentVolumeClaim withStatus(PersistentVolumeClaimStatus status) {
        return new PersistentVolumeClaim(apiVersion, kind, metadata, spec, status);
    }
}
