/**
 * The {@code storage.k8s.io/v1} objects: {@link kubelab.api.storage.StorageClass} (how claims get
 * volumes), and {@link kubelab.api.storage.CSIDriver}, {@link kubelab.api.storage.CSINode} and
 * {@link kubelab.api.storage.VolumeAttachment}, through which a CSI driver's controller and node
 * services meet the cluster.
 *
 * <p>The volume binder and provisioner, the attach/detach controller and the kubelet's volume
 * manager read and write them. StorageClass keeps its fields at the top level, as in Kubernetes.
 */
package kubelab.api.storage;
