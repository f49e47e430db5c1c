package kubelab.runtime.cri;

import java.util.List;

/**
 * An image present on the node: its id, the names it was pulled as, and its size.
 *
 * <p>Real Kubernetes: {@code Image} in the CRI; the kubelet lists these in {@code node.status.images}.
 */
public record Image(String id, List<String> repoTags, List<String> repoDigests, long size) {
    public Image {
        repoTags = List.copyOf(repoTags);
        repoDigests = List.copyOf(repoDigests);
    }
}
