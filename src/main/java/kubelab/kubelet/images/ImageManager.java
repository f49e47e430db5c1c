package kubelab.kubelet.images;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import kubelab.api.core.Container;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;
import kubelab.api.core.PullPolicy;
import kubelab.apiserver.registry.core.PodDefaults;
import kubelab.client.record.EventRecorder;
import kubelab.kubelet.container.ContainerRefs;
import kubelab.kubelet.container.Errors;
import kubelab.client.Backoff;
import kubelab.runtime.cri.Image;
import kubelab.runtime.cri.ImageService;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.time.Clock;
import kubelab.time.Durations;

/**
 * Makes sure a container's image is on the node before the container is created, honouring
 * {@code imagePullPolicy}: {@code IfNotPresent} pulls only a missing image, {@code Always} pulls every
 * time (the default for {@code :latest} or no tag), {@code Never} never pulls. A failed pull is
 * {@code ErrImagePull}; until its back-off (10 s doubling to 5 min, per pod and image) has passed,
 * the next attempts are {@code ImagePullBackOff} without pulling.
 *
 * <p>Real Kubernetes: {@code imageManager.EnsureImageExists} in {@code pkg/kubelet/images/image_manager.go}.
 */
public final class ImageManager {
    /** The image's reference when it is there, or why not and when to try again. */
    public record Result(String imageRef, String reason, String message, Duration retryAfter) {
        public boolean ok() {
            return reason == null;
        }

        static Result failed(String reason, String message, Duration retryAfter) {
            return new Result(null, reason, message, retryAfter);
        }
    }

    private final ImageService images;
    private final EventRecorder recorder;
    private final Clock clock;
    private final Backoff backoff;

    public ImageManager(ImageService images, EventRecorder recorder, Clock clock) {
        this.images = images;
        this.recorder = recorder;
        this.clock = clock;
        this.backoff = new Backoff(clock, Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** Ensures the image of {@code container} is present; completes (never exceptionally) with the outcome. */
    public CompletionStage<Result> ensureImageExists(Pod pod, Container container, PodSandboxConfig sandbox) {
        ObjectReference ref = ContainerRefs.of(pod, container);
        String image = container.image();
        ImageSpec spec = new ImageSpec(image);
        String policy = container.imagePullPolicy() == null ? PodDefaults.pullPolicyFor(image) : container.imagePullPolicy();
        var present = images.imageStatus(spec);
        if (present.isPresent() && !PullPolicy.ALWAYS.equals(policy)) {
            recorder.event(ref, "Normal", "Pulled", "Container image \"" + image + "\" already present on machine");
            return CompletableFuture.completedFuture(new Result(present.get().id(), null, null, null));
        }
        if (present.isEmpty() && PullPolicy.NEVER.equals(policy)) {
            String msg = "Container image \"" + image + "\" is not present with pull policy of Never";
            recorder.event(ref, "Warning", Errors.ERR_IMAGE_NEVER_PULL, msg);
            return CompletableFuture.completedFuture(Result.failed(Errors.ERR_IMAGE_NEVER_PULL, msg, null));
        }
        String key = pod.metadata().uid() + "_" + image;
        Instant now = clock.now();
        if (backoff.isInBackOffSinceUpdate(key, now)) {
            String msg = "Back-off pulling image \"" + image + "\"";
            recorder.event(ref, "Normal", "BackOff", msg);
            return CompletableFuture.completedFuture(
                    Result.failed(Errors.IMAGE_PULL_BACK_OFF, msg, backoff.remainingSinceUpdate(key, now)));
        }
        recorder.event(ref, "Normal", "Pulling", "Pulling image \"" + image + "\"");
        Instant started = now;
        return images.pullImage(spec, sandbox).handle((imageRef, error) -> {
            if (error != null) {
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                recorder.event(ref, "Warning", "Failed", "Failed to pull image \"" + image + "\": " + cause.getMessage());
                backoff.next(key, clock.now());
                return Result.failed(Errors.ERR_IMAGE_PULL, cause.getMessage(), backoff.get(key));
            }
            String took = Durations.format(Duration.between(started, clock.now()));
            long size = images.imageStatus(spec).map(Image::size).orElse(0L);
            recorder.event(ref, "Normal", "Pulled", "Successfully pulled image \"" + image + "\" in " + took
                    + " (" + took + " including waiting). Image size: " + size + " bytes.");
            backoff.reset(key);
            return new Result(imageRef, null, null, null);
        });
    }
}
