/**
 * The ReplicaSet controller: {@link kubelab.controller.replicaset.ReplicaSetController} keeps each
 * ReplicaSet's pod count at {@code spec.replicas}, claiming pods by selector and ownerReference
 * ({@link kubelab.controller.replicaset.PodControllerRefManager}), creating in slow-start batches,
 * deleting the least valuable pods first ({@link kubelab.controller.replicaset.ActivePodsWithRanks}),
 * and waiting for its own writes to reach its cache
 * ({@link kubelab.controller.replicaset.ControllerExpectations}).
 * {@link kubelab.controller.replicaset.ReplicationManager} runs the same controller over
 * ReplicationControllers, seen as ReplicaSets through a small conversion (as Kubernetes shares the code).
 *
 * <p>It reads through {@code kubelab.client} informers and listers, runs on a
 * {@code kubelab.time.EventLoop}, and writes only through {@code kubelab.apiserver.Api}.
 * It is shaped as Kubernetes' {@code pkg/controller/replicaset} because that controller is the
 * model every other one copies: handlers enqueue keys, one level-based sync does the work.
 *
 * <p>Simplified compared with Kubernetes: no ReplicaFailure condition and no events; pod ranks count
 * the ReplicaSet's own pods per node (not those of sibling ReplicaSets of a Deployment); creates run
 * one after another within a batch rather than in parallel; a create refused because the namespace is
 * terminating counts as a failure (Kubernetes recognises it by a status cause and ignores it).
 */
package kubelab.controller.replicaset;
