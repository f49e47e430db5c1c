package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.LabelSelector;

/**
 * What a claim asks for: access modes, a size in {@code resources.requests.storage}, a class, and
 * optionally a particular volume ({@code volumeName}) or a data source to fill it from.
 *
 * <p>Shared by PersistentVolumeClaim and by the template of an ephemeral volume.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimSpec}.
 */
public record PersistentVolumeClaimSpec(
        List<String> accessModes,
        LabelSelector selector,
        VolumeResourceRequirements resources,
        String volumeName,
        String storageClassName,
        String volumeMode,
        TypedLocalObjectReference dataSource,
        TypedObjectReference dataSourceRef,
        String volumeAttributesClassName) {

    public PersistentVolumeClaimSpec {
        accessModes = Copies.list(accessModes);
    }
}
