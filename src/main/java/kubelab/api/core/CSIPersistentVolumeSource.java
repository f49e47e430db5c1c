package kubelab.api.core;

import java.util.Map;

/**
 * A volume managed by a CSI driver: the driver's name, its own id for the volume
 * ({@code volumeHandle}), attributes it returned at creation, and the Secrets it needs for each
 * call (controller publish, node stage, node publish, expand).
 *
 * <p>Real Kubernetes: {@code corev1.CSIPersistentVolumeSource}.
 */
public record CSIPersistentVolumeSource(String driver, String volumeHandle, Boolean readOnly, String fsType,
                                        Map<String, String> volumeAttributes,
                                        SecretReference controllerPublishSecretRef,
                                        SecretReference nodeStageSecretRef,
                                        SecretReference nodePublishSecretRef,
                                        SecretReference controllerExpandSecretRef,
                                        SecretReference nodeExpandSecretRef) {
    public CSIPersistentVolumeSource {
        volumeAttributes = Copies.map(volumeAttributes);
    }

    /** A volume of {@code driver} known to it as {@code volumeHandle}, with no secrets. */
    public static CSIPersistentVolumeSource of(String driver, String volumeHandle) {
        return new CSIPersistentVolumeSource(driver, volumeHandle, null, null, null, null, null, null, null, null);
    }
}
