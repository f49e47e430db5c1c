/**
 * {@code kubelab serve}: the cluster's API over HTTP, for the real kubectl and the fabric8 client.
 *
 * <p>{@link kubelab.server.ClusterThread} owns a {@link kubelab.cluster.Cluster} and pumps its
 * single-threaded loop in real time; {@link kubelab.server.KubeApiServer} puts Jetty in front of
 * it. Each request is read as kube-apiserver reads it ({@link kubelab.server.RequestInfo}),
 * authenticated, then served by discovery, OpenAPI, health and metrics endpoints, or by the REST
 * verbs on a resource, which call the caller's own {@link kubelab.apiserver.Api} (authorization,
 * admission, validation, storage) on the cluster thread. Watches stream without holding a thread.
 * Nothing here re-implements the API: the HTTP layer only translates, so what kubectl sees is
 * exactly what a notebook cell sees. {@link kubelab.server.LocalServe} serves a notebook's own
 * cluster the same way, with the notebook's thread pumping the loop while kubectl runs.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/server} and {@code pkg/endpoints}.
 */
package kubelab.server;
