/**
 * The core/v1 API types: Pod, Node, Namespace, ReplicationController and everything a pod spec is
 * made of (containers, volumes and their sources, probes, affinity, tolerations, status).
 *
 * <p>Every type is an immutable record whose components carry Kubernetes' own JSON field names, so
 * {@link kubelab.api.serialization.Json} reads and writes real manifests with no mapping layer.
 * Lists and maps are never null; other absent fields stay null, because defaulting is the API
 * server's job, not the type's. Enumerations are plain strings with constant classes
 * ({@link kubelab.api.core.RestartPolicy}...), because a newer
 * server may send a value this code does not know and that must not fail decoding.
 *
 * <p>The API server, the scheduler, the kubelet and the controllers all read and write these; they
 * depend on nothing but {@code kubelab.api.meta} and {@code kubelab.api.resource}.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/core/v1}.
 */
package kubelab.api.core;
