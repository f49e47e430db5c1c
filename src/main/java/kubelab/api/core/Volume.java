package kubelab.api.core;

/**
 * A named volume of a pod and the one source it comes from. As in Kubernetes' JSON, the source is
 * not nested: exactly one of the source fields ({@code emptyDir}, {@code configMap}, ...) is set.
 *
 * <p>Containers mount it by {@code name} through a {@link VolumeMount}.
 *
 * <p>Real Kubernetes: {@code corev1.Volume}, which embeds {@code corev1.VolumeSource} inline.
 */
public record Volume(
        String name,
        HostPathVolumeSource hostPath,
        EmptyDirVolumeSource emptyDir,
        GCEPersistentDiskVolumeSource gcePersistentDisk,
        AWSElasticBlockStoreVolumeSource awsElasticBlockStore,
        GitRepoVolumeSource gitRepo,
        SecretVolumeSource secret,
        NFSVolumeSource nfs,
        ISCSIVolumeSource iscsi,
        GlusterfsVolumeSource glusterfs,
        PersistentVolumeClaimVolumeSource persistentVolumeClaim,
        RBDVolumeSource rbd,
        FlexVolumeSource flexVolume,
        CinderVolumeSource cinder,
        CephFSVolumeSource cephfs,
        FlockerVolumeSource flocker,
        DownwardAPIVolumeSource downwardAPI,
        FCVolumeSource fc,
        AzureFileVolumeSource azureFile,
        ConfigMapVolumeSource configMap,
        VsphereVirtualDiskVolumeSource vsphereVolume,
        QuobyteVolumeSource quobyte,
        AzureDiskVolumeSource azureDisk,
        PhotonPersistentDiskVolumeSource photonPersistentDisk,
        ProjectedVolumeSource projected,
        PortworxVolumeSource portworxVolume,
        ScaleIOVolumeSource scaleIO,
        StorageOSVolumeSource storageos,
        CSIVolumeSource csi,
        EphemeralVolumeSource ephemeral,
        ImageVolumeSource image) {

    /** {@code emptyDir: {}}: scratch space on the node's disk. */
    public static Volume emptyDir(String name) {
        return emptyDir(name, new EmptyDirVolumeSource(null, null));
    }

    public static Volume emptyDir(String name, EmptyDirVolumeSource source) {
        return new Volume(name, null, source, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Volume hostPath(String name, String path, String type) {
        return new Volume(name, new HostPathVolumeSource(path, type), null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null);
    }

    public static Volume secret(String name, String secretName) {
        return new Volume(name, null, null, null, null, null, new SecretVolumeSource(secretName, null, null, null),
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    public static Volume persistentVolumeClaim(String name, String claimName) {
        return new Volume(name, null, null, null, null, null, null, null, null, null,
                new PersistentVolumeClaimVolumeSource(claimName, null), null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    public static Volume configMap(String name, String configMapName) {
        return new Volume(name, null, null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, null, null, new ConfigMapVolumeSource(configMapName, null, null, null), null, null, null,
                null, null, null, null, null, null, null, null);
    }

    /**
     * The JSON name of the source that is set ({@code "emptyDir"}, {@code "configMap"}...), or null
     * when none is: the name of the volume plugin that will serve it.
     */
    public String sourceType() {
        Object[] sources = {hostPath, emptyDir, gcePersistentDisk, awsElasticBlockStore, gitRepo, secret, nfs, iscsi,
            glusterfs, persistentVolumeClaim, rbd, flexVolume, cinder, cephfs, flocker, downwardAPI, fc, azureFile,
            configMap, vsphereVolume, quobyte, azureDisk, photonPersistentDisk, projected, portworxVolume, scaleIO,
            storageos, csi, ephemeral, image};
        var components = Volume.class.getRecordComponents();
        for (int i = 0; i < sources.length; i++) {
            if (sources[i] != null) {
                return components[i + 1].getName();
            }
        }
        return null;
    }
}
