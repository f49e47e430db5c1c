package kubelab.api.core;

import java.util.Map;

/**
 * A FlexVolume driver's volume as a PersistentVolume: like {@link FlexVolumeSource}, with a Secret
 * that names its namespace.
 *
 * <p>Real Kubernetes: {@code corev1.FlexPersistentVolumeSource}.
 */
public record FlexPersistentVolumeSource(String driver, String fsType, SecretReference secretRef, Boolean readOnly,
                                         Map<String, String> options) {
    public FlexPersistentVolumeSource {
        options = Copies.map(options);
    }
}
