/**
 * The watch cache: one {@link kubelab.apiserver.cacher.Cacher} per resource holds the decoded
 * objects and a window of recent events ({@code ChangeWindow}), fed by a single store watch. Client
 * lists and watches are served from it; objects ({@code KeysByField}) and watchers
 * ({@code Watchers}) are indexed on one field (a kubelet's {@code spec.nodeName}), so no change is
 * offered to every watcher and no list of one node's pods looks at the others.
 *
 * <p>It exists because at 5,000 nodes, one store watch per kubelet would be 5,000 decodes of every
 * pod change; here it is one decode and one offer per interested watcher.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/storage/cacher}.
 */
package kubelab.apiserver.cacher;
