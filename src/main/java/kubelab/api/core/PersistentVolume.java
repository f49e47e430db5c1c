package kubelab.api.core;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A piece of storage in the cluster, made by an administrator or provisioned for a claim. It is
 * cluster-scoped, like a node; a PersistentVolumeClaim binds to it one-to-one, and
 * {@code status.phase} (see {@link PersistentVolumePhase}) follows it through Available, Bound
 * and Released.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolume}, bound by {@code pkg/controller/volume/persistentvolume}.
 */
public record PersistentVolume(String apiVersion, String kind, ObjectMeta metadata, PersistentVolumeSpec spec,
                               PersistentVolumeStatus status) implements KubeObject {

    public static final String KIND = "PersistentVolume";

    public PersistentVolume {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static PersistentVolume of(String name, PersistentVolumeSpec spec) {
        return new PersistentVolume(null, null, ObjectMeta.named(name), spec, null);
    }

    @Override
    public PersistentVolume withMetadata(ObjectMeta metadata) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status);
    }

    public PersistentVolume withSpec(PersistentVolumeSpec spec) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status);
    }

    public PersistentVolume withStatus(PersistentVolumeStatus status) {
        return new PersistentVolume(apiVersion, kind, metadata, spec, status);
    }
}
