/**
 * The watch cache: one {@link kubelab.apiserver.cacher.Cacher} per resource holds the decoded
 * objects and a window of recent events, fed by a single store watch. Client lists and watches are
 * served from it; events are routed to watchers by an index on one field (a kubelet's
 * {@code spec.nodeName}), so no change is offered to every watcher.
 *
 * <p>It exists because at 5,000 nodes, one store watch per kubelet would be 5,000 decodes of every
 * pod change; here it is one decode and one offer per interested watcher.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/cacher}.
 */
package kubelab.apiserver.cacher;
