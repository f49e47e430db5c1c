package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.resource.Quantity;

/**
 * A volume's size ({@code capacity.storage}), how it may be mounted ({@code accessModes}, see
 * {@link PersistentVolumeAccessMode}), the claim it is bound to ({@code claimRef}), what happens
 * when that claim goes away ({@code persistentVolumeReclaimPolicy}), its class, the nodes that can
 * reach it, and where the data is: exactly one of the source fields, from {@code gcePersistentDisk}
 * to {@code csi}, is set.
 *
 * <p>As in Kubernetes' JSON the source is not nested: Go embeds {@code PersistentVolumeSource}
 * inline, so its fields are listed here. Sources shared with pod volumes reuse the pod's records
 * ({@link HostPathVolumeSource}, {@link NFSVolumeSource}, ...); the others have a
 * {@code ...PersistentVolumeSource} of their own, because a cluster-scoped volume must name the
 * namespace of any Secret it uses.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeSpec} and {@code corev1.PersistentVolumeSource}.
 */
public record PersistentVolumeSpec(
        Map<String, Quantity> capacity,
        GCEPersistentDiskVolumeSource gcePersistentDisk,
        AWSElasticBlockStoreVolumeSource awsElasticBlockStore,
        HostPathVolumeSource hostPath,
        GlusterfsPersistentVolumeSource glusterfs,
        NFSVolumeSource nfs,
        RBDPersistentVolumeSource rbd,
        ISCSIPersistentVolumeSource iscsi,
        CinderPersistentVolumeSource cinder,
        CephFSPersistentVolumeSource cephfs,
        FCVolumeSource fc,
        FlockerVolumeSource flocker,
        FlexPersistentVolumeSource flexVolume,
        AzureFilePersistentVolumeSource azureFile,
        VsphereVirtualDiskVolumeSource vsphereVolume,
        QuobyteVolumeSource quobyte,
        AzureDiskVolumeSource azureDisk,
        PhotonPersistentDiskVolumeSource photonPersistentDisk,
        PortworxVolumeSource portworxVolume,
        ScaleIOPersistentVolumeSource scaleIO,
        LocalVolumeSource local,
        StorageOSPersistentVolumeSource storageos,
        CSIPersistentVolumeSource csi,
        List<String> accessModes,
        ObjectReference claimRef,
        String persistentVolumeReclaimPolicy,
        String storageClassName,
        List<String> mountOptions,
        String volumeMode,
        VolumeNodeAffinity nodeAffinity,
        String volumeAttributesClassName) {

    public PersistentVolumeSpec {
        capacity = Copies.map(capacity);
        accessModes = Copies.list(accessModes);
        mountOptions = Copies.list(mountOptions);
    }

    /** A hostPath volume of {@code capacity}, as the single-node examples of the documentation use. */
    public static PersistentVolumeSpec hostPath(String path, Quantity capacity, List<String> accessModes,
                                                String storageClassName) {
        return new PersistentVolumeSpec(Map.of("storage", capacity), null, null, new HostPathVolumeSource(path, null),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, accessModes, null, null, storageClassName, null, null, null, null);
    }

    /** The claim this volume is bound to, or null; the binder sets it, and clears it on release. */
    public PersistentVolumeSpec withClaimRef(ObjectReference claimRef) {
        return new PersistentVolumeSpec(capacity, gcePersistentDisk, awsElasticBlockStore, hostPath, glusterfs, nfs,
                rbd, iscsi, cinder, cephfs, fc, flocker, flexVolume, azureFile, vsphereVolume, quobyte, azureDisk,
                photonPersistentDisk, portworxVolume, scaleIO, local, storageos, csi, accessModes, claimRef,
                persistentVolumeReclaimPolicy, storageClassName, mountOptions, volumeMode, nodeAffinity,
                volumeAttributesClassName);
    }

    public PersistentVolumeSpec withPersistentVolumeReclaimPolicy(String policy) {
        return new PersistentVolumeSpec(capacity, gcePersistentDisk, awsElasticBlockStore, hostPath, glusterfs, nfs,
                rbd, iscsi, cinder, cephfs, fc, flocker, flexVolume, azureFile, vsphereVolume, quobyte, azureDisk,
                photonPersistentDisk, portworxVolume, scaleIO, local, storageos, csi, accessModes, claimRef,
                policy, storageClassName, mountOptions, volumeMode, nodeAffinity, volumeAttributesClassName);
    }
}
