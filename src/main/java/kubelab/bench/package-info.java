/**
 * KubeLab's own benchmark ({@code ./kubelab bench}): throughput and memory at the Kubernetes
 * scale envelope, measured on wall time, never asserted in tests.
 */
package kubelab.bench;
