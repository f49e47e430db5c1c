package kubelab.kubelet;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerState;
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
import kubelab.time.EventLoop;

/**
 * A small deterministic runtime behind the CRI for the kubelet's tests: pulls take 1 s, the image
 * {@code nosuch} cannot be pulled, containers run until the test tells them to exit, and a
 * container stopped exits at once unless the test made it ignore SIGTERM (then it is killed when
 * the grace period ends, exit code 137).
 */
final class FakeRuntime implements RuntimeService, ImageService {
    static final Duration PULL_TIME = Duration.ofSeconds(1);

    private static final class Sandbox {
        String id;
        PodSandboxConfig config;
        PodSandboxStatus.State state = PodSandboxStatus.State.SANDBOX_READY;
        String ip;
        Instant createdAt;
    }

    private static final class Box {
        String id;
        String sandboxId;
        ContainerConfig config;
        ContainerState state = ContainerState.CONTAINER_CREATED;
        Instant createdAt;
        Instant startedAt;
        Instant finishedAt;
        int exitCode;
        String reason;
        String imageRef;
        final List<LogLine> logs = new ArrayList<>();
    }

    private final EventLoop loop;
    private final Map<String, Image> images = new LinkedHashMap<>();
    private final Map<String, Sandbox> sandboxes = new LinkedHashMap<>();
    private final Map<String, Box> containers = new LinkedHashMap<>();
    private final List<Consumer<ContainerEvent>> listeners = new ArrayList<>();
    private final Set<String> ignoreSigterm = new HashSet<>();
    final List<String> pulls = new ArrayList<>();
    final List<List<String>> execs = new ArrayList<>();
    private String podCidr = "10.244.0.0/24";
    private int nextId;
    private int nextIp = 2;

    FakeRuntime(EventLoop loop) {
        this.loop = loop;
    }

    // ---- test controls ----------------------------------------------------------------------

    /** An image already on the node. */
    void preload(String image) {
        images.put(image, image(image));
    }

    /** Containers of this name ignore SIGTERM and are killed when their grace period ends. */
    void ignoreSigterm(String containerName) {
        ignoreSigterm.add(containerName);
    }

    /** The running container {@code name} of pod {@code pod} exits with {@code code}. */
    void exit(String pod, String name, int code) {
        Box b = running(pod, name);
        b.logs.add(new LogLine(loop.clock().now(), "stdout", name + " exiting with " + code));
        finish(b, code, code == 0 ? "Completed" : "Error");
    }

    /** The running instance of a container, or an assertion error. */
    Box running(String pod, String name) {
        return containers.values().stream().filter(b -> b.state == ContainerState.CONTAINER_RUNNING
                        && pod.equals(b.config.labels().get("io.kubernetes.pod.name")) && name.equals(b.config.metadata().name()))
                .findFirst().orElseThrow(() -> new AssertionError("no running container " + name + " in pod " + pod));
    }

    boolean isRunning(String pod, String name) {
        return containers.values().stream().anyMatch(b -> b.state == ContainerState.CONTAINER_RUNNING
                && pod.equals(b.config.labels().get("io.kubernetes.pod.name")) && name.equals(b.config.metadata().name()));
    }

    /** The config the kubelet gave the latest instance of a container. */
    ContainerConfig config(String pod, String name) {
        ContainerConfig last = null;
        for (Box b : containers.values()) {
            if (pod.equals(b.config.labels().get("io.kubernetes.pod.name")) && name.equals(b.config.metadata().name())) {
                last = b.config;
            }
        }
        return last;
    }

    int sandboxCount() {
        return sandboxes.size();
    }

    int containerCount() {
        return containers.size();
    }

    String podCidr() {
        return podCidr;
    }

    private void finish(Box b, int code, String reason) {
        if (b.state != ContainerState.CONTAINER_RUNNING) {
            return;
        }
        b.state = ContainerState.CONTAINER_EXITED;
        b.exitCode = code;
        b.reason = reason;
        b.finishedAt = loop.clock().now();
        emit(b, ContainerEvent.Type.CONTAINER_STOPPED_EVENT);
    }

    private void emit(Box b, ContainerEvent.Type type) {
        ContainerEvent e = new ContainerEvent(b.id, b.sandboxId, type, loop.clock().now());
        loop.execute("fake runtime event", () -> listeners.forEach(l -> l.accept(e)));
    }

    private static Image image(String name) {
        String tagged = name.contains(":") ? name : name + ":latest";
        return new Image("sha256:" + String.format("%064x", Math.abs((long) name.hashCode())), List.of(tagged),
                List.of(), 1_000_000L + name.length());
    }

    private String id() {
        return String.format("%012x", ++nextId);
    }

    // ---- ImageService -----------------------------------------------------------------------

    @Override
    public CompletionStage<String> pullImage(ImageSpec image, PodSandboxConfig sandboxConfig) {
        pulls.add(image.image());
        CompletableFuture<String> done = new CompletableFuture<>();
        loop.schedule("pull " + image.image(), PULL_TIME, () -> {
            if (image.image().startsWith("nosuch")) {
                done.completeExceptionally(new CriException("rpc error: code = NotFound desc = failed to pull and unpack image \"docker.io/library/"
                        + image.image() + ":latest\": pull access denied, repository does not exist or may require authorization"));
            } else {
                Image img = image(image.image());
                images.put(image.image(), img);
                done.complete(img.id());
            }
        });
        return done;
    }

    @Override
    public Optional<Image> imageStatus(ImageSpec image) {
        return Optional.ofNullable(images.get(image.image()));
    }

    @Override
    public List<Image> listImages() {
        return List.copyOf(images.values());
    }

    @Override
    public void removeImage(ImageSpec image) {
        images.remove(image.image());
    }

    // ---- RuntimeService ---------------------------------------------------------------------

    @Override
    public kubelab.runtime.cri.VersionResponse version() {
        return new kubelab.runtime.cri.VersionResponse("0.1.0", "fakeruntime", "1.0.0", "v1");
    }

    @Override
    public void updateRuntimeConfig(String podCidr) {
        this.podCidr = podCidr;
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        Sandbox s = new Sandbox();
        s.id = id();
        s.config = config;
        s.createdAt = loop.clock().now();
        String prefix = podCidr.substring(0, podCidr.lastIndexOf('.'));
        s.ip = prefix + "." + nextIp++;
        sandboxes.put(s.id, s);
        return s.id;
    }

    @Override
    public void stopPodSandbox(String id) {
        Sandbox s = sandboxes.get(id);
        if (s == null) {
            return;
        }
        for (Box b : containers.values()) {
            if (b.sandboxId.equals(id)) {
                finish(b, 137, "Error");
            }
        }
        s.state = PodSandboxStatus.State.SANDBOX_NOTREADY;
    }

    @Override
    public void removePodSandbox(String id) {
        stopPodSandbox(id);
        containers.values().removeIf(b -> b.sandboxId.equals(id));
        sandboxes.remove(id);
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String id) {
        Sandbox s = sandboxes.get(id);
        if (s == null) {
            throw new CriException("sandbox " + id + " not found");
        }
        return new PodSandboxStatus(s.id, s.config.metadata(), s.state, s.createdAt,
                s.state == PodSandboxStatus.State.SANDBOX_READY ? s.ip : null, s.config.labels());
    }

    @Override
    public List<PodSandboxStatus> listPodSandbox() {
        return sandboxes.keySet().stream().map(this::podSandboxStatus).toList();
    }

    @Override
    public String createContainer(String sandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        if (!images.containsKey(config.image().image())) {
            throw new CriException("image " + config.image().image() + " not present");
        }
        Box b = new Box();
        b.id = id();
        b.sandboxId = sandboxId;
        b.config = config;
        b.createdAt = loop.clock().now();
        b.imageRef = images.get(config.image().image()).id();
        containers.put(b.id, b);
        emit(b, ContainerEvent.Type.CONTAINER_CREATED_EVENT);
        return b.id;
    }

    @Override
    public void startContainer(String id) {
        Box b = containers.get(id);
        b.state = ContainerState.CONTAINER_RUNNING;
        b.startedAt = loop.clock().now();
        b.logs.add(new LogLine(b.startedAt, "stdout", b.config.metadata().name() + " attempt " + b.config.metadata().attempt()));
        emit(b, ContainerEvent.Type.CONTAINER_STARTED_EVENT);
    }

    @Override
    public CompletionStage<Void> stopContainer(String id, long timeoutSeconds) {
        Box b = containers.get(id);
        CompletableFuture<Void> done = new CompletableFuture<>();
        if (b == null || b.state != ContainerState.CONTAINER_RUNNING) {
            done.complete(null);
        } else if (ignoreSigterm.contains(b.config.metadata().name())) {
            loop.schedule("SIGKILL " + id, Duration.ofSeconds(timeoutSeconds), () -> {
                finish(b, 137, "Error");
                done.complete(null);
            });
        } else {
            finish(b, 0, "Completed");
            done.complete(null);
        }
        return done;
    }

    @Override
    public void removeContainer(String id) {
        containers.remove(id);
    }

    @Override
    public ContainerStatus containerStatus(String id) {
        Box b = containers.get(id);
        if (b == null) {
            throw new CriException("container " + id + " not found");
        }
        return new ContainerStatus(b.id, b.sandboxId, b.config.metadata(), b.state, b.createdAt, b.startedAt,
                b.finishedAt, b.exitCode, b.config.image(), b.imageRef, b.reason, null, b.config.labels(),
                b.config.annotations(), b.config.logPath());
    }

    @Override
    public List<ContainerStatus> listContainers(String sandboxId) {
        return containers.values().stream().filter(b -> sandboxId == null || b.sandboxId.equals(sandboxId))
                .map(b -> containerStatus(b.id)).toList();
    }

    @Override
    public CompletionStage<ExecResult> execSync(String id, List<String> cmd, Duration timeout) {
        Box b = containers.get(id);
        if (b == null || b.state != ContainerState.CONTAINER_RUNNING) {
            return CompletableFuture.failedFuture(new CriException("container " + id + " is not running"));
        }
        execs.add(cmd);
        return CompletableFuture.completedFuture(new ExecResult(String.join(" ", cmd) + "\n", "", 0, false));
    }

    @Override
    public List<LogLine> containerLogs(String id) {
        Box b = containers.get(id);
        return b == null ? List.of() : List.copyOf(b.logs);
    }

    @Override
    public ContainerStats containerStats(String id) {
        return new ContainerStats(id, loop.clock().now(), 0, 0);
    }

    @Override
    public void addContainerEventListener(Consumer<ContainerEvent> listener) {
        listeners.add(listener);
    }
}
