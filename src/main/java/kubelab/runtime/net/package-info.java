/**
 * The pod network as seen from a node: what the kubelet's HTTP and TCP probes reach, and where
 * container servers (nginx, agnhost, goproxy) listen. One flat network for the whole cluster:
 * every pod IP is reachable from every node, as Kubernetes' network model requires.
 *
 * <p>A small seam on purpose: the network chapter replaces the flat map with CNI-built routes,
 * Services and DNS behind the same calls.
 */
package kubelab.runtime.net;
