/**
 * KubeLab's container runtime: {@link kubelab.runtime.SimulatedRuntime}, one per node, implementing
 * the CRI ({@code kubelab.runtime.cri}) that the kubelet calls. It owns sandboxes and their pod IPs
 * (host-local style), containers (a root filesystem built from the image plus bind mounts of the
 * node's filesystem, an environment, a process), image pulls, logs, exec and stats.
 * {@link kubelab.runtime.RecordingRuntimeService} sits between the kubelet and the runtime and
 * writes each CRI call to the node's {@link kubelab.runtime.CriCallLog}.
 *
 * <p>Who it talks to: the kubelet above it (through the CRI only), the image catalogue
 * ({@code kubelab.runtime.images}) for what an image is, the behaviours ({@code kubelab.runtime.sim})
 * for what its program does, and the pod network ({@code kubelab.runtime.net}) where servers listen.
 *
 * <p>Why shaped this way: everything runs on the cluster's one loop in virtual time, so a
 * container's process is stepped rather than threaded; a sleep is an ordinary timer, a server
 * waiting for requests is no timer at all, and a simulated cluster can both advance by the hour
 * and settle.
 */
package kubelab.runtime;
