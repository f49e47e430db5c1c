package kubelab.api.core;

import java.util.Map;

/**
 * An inline ephemeral volume served by a CSI driver: the kubelet asks the driver's node service
 * to publish it, passing {@code volumeAttributes}, and it lives as long as the pod.
 *
 * <p>Real Kubernetes: {@code corev1.CSIVolumeSource} (PersistentVolumes use CSIPersistentVolumeSource).
 */
public record CSIVolumeSource(String driver, Boolean readOnly, String fsType, Map<String, String> volumeAttributes,
                              LocalObjectReference nodePublishSecretRef) {
    public CSIVolumeSource {
        volumeAttributes = Copies.map(volumeAttributes);
    }
}
