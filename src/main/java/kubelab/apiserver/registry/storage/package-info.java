/**
 * The strategy of {@code storage.k8s.io/v1} StorageClasses,
 * {@link kubelab.apiserver.registry.storage.StorageClassStrategy}: defaults (reclaim Delete, bind
 * Immediate) and a class that cannot change once volumes have been provisioned from it.
 * CSIDriver, CSINode and VolumeAttachment keep the default strategy.
 *
 * <p>Called by the generic {@link kubelab.apiserver.registry.Registry}, as Kubernetes'
 * {@code pkg/registry/storage/storageclass} is called by its generic store.
 */
package kubelab.apiserver.registry.storage;
