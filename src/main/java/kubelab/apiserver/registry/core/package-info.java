/**
 * Strategies for the core/v1 kinds that need more than the defaults: Pods (defaults, QoS class,
 * validation, graceful deletion, the {@code spec.nodeName} index) and Namespaces (Terminating
 * and the {@code finalize} subresource).
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/*}, {@code pkg/apis/core/validation} and
 * {@code pkg/apis/core/v1/defaults.go}.
 */
package kubelab.apiserver.registry.core;
