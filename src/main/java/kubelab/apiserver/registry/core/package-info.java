/**
 * The strategies of the core ({@code v1}) kinds: Pods and the pod rules every workload reuses
 * ({@link kubelab.apiserver.registry.core.PodDefaults}, {@link kubelab.apiserver.registry.core.PodValidation},
 * {@link kubelab.apiserver.registry.core.WorkloadValidation}), Namespaces, ReplicationControllers,
 * ConfigMaps and Secrets, Services and Endpoints, Nodes, Events, LimitRanges and ResourceQuotas,
 * PersistentVolumes and PersistentVolumeClaims. The Service strategy bound to a store also hands out
 * cluster IPs ({@link kubelab.apiserver.registry.core.ClusterIPAllocator}) and node ports
 * ({@link kubelab.apiserver.registry.core.NodePortAllocator}), reading what is taken from the store.
 *
 * <p>The generic {@link kubelab.apiserver.registry.Registry} calls them through
 * {@link kubelab.apiserver.registry.Strategies}. One class per kind, with the longer rule sets in a
 * companion class ({@code ServiceValidation}), because Kubernetes too keeps each kind's
 * {@code strategy.go} small and its rules in {@code pkg/apis/core/validation}.
 */
package kubelab.apiserver.registry.core;
