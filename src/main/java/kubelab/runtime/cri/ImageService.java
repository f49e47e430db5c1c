package kubelab.runtime.cri;

import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletionStage;

/**
 * Pulls and lists images on the node.
 *
 * <p>Real Kubernetes: {@code service ImageService} in the CRI's {@code api.proto}.
 */
public interface ImageService {
    /**
     * Pulls an image; the pull takes virtual time. Completes with the image's reference (its
     * digest), or exceptionally with a {@link CriException} whose message says why, as a registry
     * would ("pull access denied ... repository does not exist").
     */
    CompletionStage<String> pullImage(ImageSpec image, PodSandboxConfig sandboxConfig);

    /** The image if it is present on the node. */
    Optional<Image> imageStatus(ImageSpec image);

    List<Image> listImages();

    void removeImage(ImageSpec image);
}
