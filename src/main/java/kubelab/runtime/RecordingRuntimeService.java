package kubelab.runtime;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Supplier;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.cri.Image;
import kubelab.runtime.cri.ImageService;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.cri.VersionResponse;

/**
 * A CRI runtime and image service that passes every call on to another one and writes it to a
 * {@link CriCallLog} first, under the CRI's own gRPC method name. The kubelet is given this
 * instead of the runtime itself, so the log holds exactly the calls the kubelet made.
 *
 * <p>Calls that name only an id ({@code StartContainer}, {@code StopPodSandbox}) are put down to
 * their pod and container from what the earlier {@code RunPodSandbox} and {@code CreateContainer}
 * returned, as a reader of containerd's log would match the ids by hand.
 *
 * <p>Real Kubernetes: {@code instrumentedRuntimeService} and {@code instrumentedImageManagerService}
 * in {@code pkg/kubelet/kuberuntime/instrumented_services.go}, which wrap the CRI clients the same
 * way to count and time each operation.
 */
public final class RecordingRuntimeService implements RuntimeService, ImageService {
    /** Who a sandbox or container id belongs to. */
    private record Owner(String sandboxId, String pod, String container, String image) {
    }

    private final RuntimeService runtime;
    private final ImageService images;
    private final CriCallLog log;
    private final Map<String, Owner> owners = new HashMap<>();

    public RecordingRuntimeService(RuntimeService runtime, ImageService images, CriCallLog log) {
        this.runtime = runtime;
        this.images = images;
        this.log = log;
    }

    /** The same runtime for both services, as containerd serves both on one socket. */
    public static <T extends RuntimeService & ImageService> RecordingRuntimeService of(T runtime, CriCallLog log) {
        return new RecordingRuntimeService(runtime, runtime, log);
    }

    public CriCallLog log() {
        return log;
    }

    private static String pod(PodSandboxConfig config) {
        return config == null ? null : config.metadata().namespace() + "/" + config.metadata().name();
    }

    private Owner owner(String id) {
        return owners.getOrDefault(id, new Owner(null, null, null, null));
    }

    /**
     * Records a call about an id, then makes it; a refused call gets its error added. Recorded
     * first, because a call may set off others (a started container's event reaches the kubelet at
     * once), and the log must keep the order in which they were made.
     */
    private <T> T call(String method, String id, Supplier<T> body) {
        Owner o = owner(id);
        return call(method, o.pod(), o.container(), o.image(), body);
    }

    // tag::record-cri-call[]
    private <T> T call(String method, String pod, String container, String image, Supplier<T> body) {
        long seq = log.record(method, pod, container, image, null);
        try {
            return body.get();
        } catch (CriException e) {
            log.fail(seq, e.getMessage());
            throw e;
        }
    }
    // end::record-cri-call[]

    private void run(String method, String id, Runnable body) {
        call(method, id, () -> {
            body.run();
            return null;
        });
    }

    // ---- RuntimeService ---------------------------------------------------------------------

    @Override
    public VersionResponse version() {
        return call("Version", null, null, null, runtime::version);
    }

    @Override
    public void updateRuntimeConfig(String podCidr) {
        call("UpdateRuntimeConfig", null, null, null, () -> {
            runtime.updateRuntimeConfig(podCidr);
            return null;
        });
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        String id = call("RunPodSandbox", pod(config), null, null, () -> runtime.runPodSandbox(config));
        owners.put(id, new Owner(id, pod(config), null, null));
        return id;
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        run("StopPodSandbox", podSandboxId, () -> runtime.stopPodSandbox(podSandboxId));
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        run("RemovePodSandbox", podSandboxId, () -> runtime.removePodSandbox(podSandboxId));
        // The sandbox's containers went with it; forget their ids too.
        owners.values().removeIf(o -> podSandboxId.equals(o.sandboxId()));
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        return call("PodSandboxStatus", podSandboxId, () -> runtime.podSandboxStatus(podSandboxId));
    }

    @Override
    public List<PodSandboxStatus> listPodSandbox() {
        return call("ListPodSandbox", null, null, null, runtime::listPodSandbox);
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        String name = config.metadata().name();
        String image = config.image().image();
        String id = call("CreateContainer", pod(sandboxConfig), name, image,
                () -> runtime.createContainer(podSandboxId, config, sandboxConfig));
        owners.put(id, new Owner(podSandboxId, pod(sandboxConfig), name, image));
        return id;
    }

    @Override
    public void startContainer(String containerId) {
        run("StartContainer", containerId, () -> runtime.startContainer(containerId));
    }

    @Override
    public CompletionStage<Void> stopContainer(String containerId, long timeoutSeconds) {
        return call("StopContainer", containerId, () -> runtime.stopContainer(containerId, timeoutSeconds));
    }

    @Override
    public void removeContainer(String containerId) {
        run("RemoveContainer", containerId, () -> runtime.removeContainer(containerId));
        owners.remove(containerId);
    }

    @Override
    public ContainerStatus containerStatus(String containerId) {
        return call("ContainerStatus", containerId, () -> runtime.containerStatus(containerId));
    }

    @Override
    public List<ContainerStatus> listContainers(String podSandboxId) {
        return call("ListContainers", podSandboxId, () -> runtime.listContainers(podSandboxId));
    }

    @Override
    public CompletionStage<ExecResult> execSync(String containerId, List<String> cmd, Duration timeout) {
        return call("ExecSync", containerId, () -> runtime.execSync(containerId, cmd, timeout));
    }

    @Override
    public List<LogLine> containerLogs(String containerId) {
        return call("ContainerLogs", containerId, () -> runtime.containerLogs(containerId));
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        return call("ContainerStats", containerId, () -> runtime.containerStats(containerId));
    }

    /** Not recorded: the kubelet subscribes once, and the stream is not a call per change. */
    @Override
    public void addContainerEventListener(Consumer<ContainerEvent> listener) {
        runtime.addContainerEventListener(listener);
    }

    // ---- ImageService -----------------------------------------------------------------------

    @Override
    public CompletionStage<String> pullImage(ImageSpec image, PodSandboxConfig sandboxConfig) {
        return call("PullImage", pod(sandboxConfig), null, image.image(), () -> images.pullImage(image, sandboxConfig));
    }

    /** Recorded with its answer, present or not: it decides whether a pull follows. */
    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        Optional<Image> status = images.imageStatus(image);
        log.record("ImageStatus", null, null, image.image(), status.isPresent() ? "present" : "not present");
        return status;
    }

    @Override
    public List<Image> listImages() {
        return call("ListImages", null, null, null, images::listImages);
    }

    @Override
    public void removeImage(ImageSpec image) {
        call("RemoveImage", null, null, image.image(), () -> {
            images.removeImage(image);
            return null;
        });
    }
}
