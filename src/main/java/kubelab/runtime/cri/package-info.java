/**
 * The Container Runtime Interface: the calls the kubelet makes to whatever runs containers on its
 * node, and the messages they carry. The kubelet sees nothing of a runtime but these two
 * interfaces, {@link kubelab.runtime.cri.RuntimeService} and {@link kubelab.runtime.cri.ImageService},
 * which is why containerd, CRI-O, or KubeLab's simulated runtime can sit behind it.
 *
 * <p>Calls that take time on a real node (pulling an image, stopping a container gracefully, an
 * exec) return a {@link java.util.concurrent.CompletionStage} completed on the cluster's loop, so
 * that virtual time passes while they run and nothing blocks. The rest answer at once.
 *
 * <p>Real Kubernetes: {@code k8s.io/cri-api/pkg/apis/runtime/v1/api.proto} (gRPC); names of calls,
 * messages, states and fields follow it.
 */
package kubelab.runtime.cri;
