package kubelab.kubelet.kuberuntime;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import kubelab.api.core.Container;
import kubelab.api.core.LifecycleHandler;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;
import kubelab.api.resource.Quantity;
import kubelab.client.record.EventRecorder;
import kubelab.kubelet.container.ContainerRefs;
import kubelab.kubelet.container.Errors;
import kubelab.kubelet.container.ReasonCache;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.envvars.EnvVars;
import kubelab.kubelet.images.ImageManager;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.client.Backoff;
import kubelab.kubelet.util.Format;
import kubelab.kubelet.volume.VolumeManager;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.EventLoop;

/**
 * Starts and kills single containers: the crash-loop back-off check, the image pull, the
 * container's config (environment, mounts), create and start through the CRI, and on the way out
 * the preStop hook and a stop with the grace period. Each step records the kubelet's event and,
 * on failure, the waiting reason the pod's status will show.
 *
 * <p>Real Kubernetes: {@code startContainer}, {@code killContainer} and
 * {@code executePreStopHook} in {@code pkg/kubelet/kuberuntime/kuberuntime_container.go}, and
 * {@code doBackOff} in {@code kuberuntime_manager.go}.
 */
final class ContainerLifecycle {
    /** A minimal grace period, so that a container always gets a moment after SIGTERM. */
    static final long MINIMUM_GRACE_PERIOD_SECONDS = 2;

    /** How a start went: started, or not and when to try again (null: when something changes). */
    record Started(boolean ok, Duration retryAfter) {
        static final Started OK = new Started(true, null);
    }

    private final RuntimeService runtime;
    private final ImageManager images;
    private final EnvVars envVars;
    private final EventRecorder recorder;
    private final ProbeManager probes;
    private final ReasonCache reasons;
    private final Backoff crashBackoff;
    private final EventLoop loop;
    private final Supplier<Map<String, Quantity>> nodeAllocatable;
    private final MemoryFs hostFs;
    private final BooleanSupplier running;

    ContainerLifecycle(RuntimeService runtime, ImageManager images, EnvVars envVars, EventRecorder recorder,
                       ProbeManager probes, ReasonCache reasons, EventLoop loop,
                       Supplier<Map<String, Quantity>> nodeAllocatable, MemoryFs hostFs, BooleanSupplier running) {
        this.runtime = runtime;
        this.running = running;
        this.hostFs = hostFs;
        this.images = images;
        this.envVars = envVars;
        this.recorder = recorder;
        this.probes = probes;
        this.reasons = reasons;
        this.loop = loop;
        this.nodeAllocatable = nodeAllocatable;
        this.crashBackoff = new Backoff(loop.clock(), Duration.ofSeconds(10), Duration.ofMinutes(5));
    }

    /** Forgets the crash-loop back-offs and removes the log directory of a pod that is gone. */
    void forgetPod(String uid) {
        crashBackoff.resetPrefix(uid + "/");
        String logs = "/var/log/pods";
        if (hostFs.isDirectory(logs)) {
            for (String d : hostFs.list(logs)) {
                if (d.endsWith("_" + uid)) {
                    hostFs.remove(logs + "/" + d, true);
                }
            }
        }
    }

    /** Starts {@code c} unless it is in crash-loop back-off; completes (never exceptionally) with the outcome. */
    CompletionStage<Started> start(Pod pod, Container c, RuntimePodStatus status, String sandboxId,
                                   PodSandboxConfig sandboxConfig, String podIP, String hostIP,
                                   Map<String, String> volumePaths) {
        String uid = pod.metadata().uid();
        ObjectReference ref = ContainerRefs.of(pod, c);
        Duration wait = backOff(pod, c, status, ref);
        if (wait != null) {
            return CompletableFuture.completedFuture(new Started(false, wait));
        }
        // 1. Pull the image.
        return images.ensureImageExists(pod, c, sandboxConfig).thenApply(pulled -> {
            if (!running.getAsBoolean()) {
                return new Started(false, null); // the node went down during the pull
            }
            if (!pulled.ok()) {
                reasons.add(uid, c.name(), pulled.reason(), pulled.message());
                recorder.event(ref, "Warning", "Failed", "Error: " + pulled.reason());
                return new Started(false, pulled.retryAfter());
            }
            // 2. Create the container.
            ContainerStatus last = status.latest(c.name());
            int attempt = last == null ? restartCountByLogDir(pod, c) : last.metadata().attempt() + 1;
            ContainerConfig config;
            try {
                Map<String, String> env = envVars.make(pod, c, hostIP, podIP, nodeAllocatable.get());
                config = RuntimeConfigs.containerConfig(pod, c, attempt, env, VolumeManager.mountsFor(c, volumePaths));
            } catch (EnvVars.EnvException | IllegalArgumentException e) {
                reasons.add(uid, c.name(), Errors.CREATE_CONTAINER_CONFIG_ERROR, e.getMessage());
                recorder.event(ref, "Warning", "Failed", "Error: " + e.getMessage());
                return new Started(false, Duration.ofSeconds(10));
            }
            String id;
            try {
                id = runtime.createContainer(sandboxId, config, sandboxConfig);
            } catch (CriException e) {
                reasons.add(uid, c.name(), Errors.CREATE_CONTAINER_ERROR, e.getMessage());
                recorder.event(ref, "Warning", "Failed", "Error: " + e.getMessage());
                return new Started(false, Duration.ofSeconds(10));
            }
            hostFs.mkdir(logDir(pod) + "/" + c.name(), true);
            hostFs.touch(logDir(pod) + "/" + config.logPath());
            recorder.event(ref, "Normal", "Created", "Created container: " + c.name());
            // 3. Start the container.
            try {
                runtime.startContainer(id);
            } catch (CriException e) {
                reasons.add(uid, c.name(), Errors.RUN_CONTAINER_ERROR, e.getMessage());
                recorder.event(ref, "Warning", "Failed", "Error: " + e.getMessage());
                return new Started(false, Duration.ofSeconds(10));
            }
            recorder.event(ref, "Normal", "Started", "Started container " + c.name());
            reasons.remove(uid, c.name());
            probes.containerStarted(pod, c.name(), id);
            // 4. The postStart hook is not run (left out).
            return Started.OK;
        });
    }

    /**
     * The crash-loop back-off: after a container exits, the first restart is at once; while a
     * later one is within its delay (10 s, 20 s, 40 s ... 5 min) it waits, with a BackOff event and
     * the CrashLoopBackOff reason. Returns how long to wait, or null to start now.
     */
    private Duration backOff(Pod pod, Container c, RuntimePodStatus status, ObjectReference ref) {
        ContainerStatus last = status.latest(c.name());
        if (!RuntimePodStatus.isExited(last)) {
            return null;
        }
        String key = pod.metadata().uid() + "/" + c.name();
        Instant finished = last.finishedAt();
        if (crashBackoff.isInBackOffSince(key, finished)) {
            recorder.event(ref, "Warning", "BackOff",
                    "Back-off restarting failed container " + c.name() + " in pod " + Format.pod(pod));
            reasons.add(pod.metadata().uid(), c.name(), Errors.CRASH_LOOP_BACK_OFF, "back-off "
                    + goDuration(crashBackoff.get(key)) + " restarting failed container=" + c.name() + " pod=" + Format.pod(pod));
            return crashBackoff.remainingSince(key, finished);
        }
        crashBackoff.next(key, finished);
        return null;
    }

    /**
     * The restart count when the runtime knows no earlier instance: after a reboot the runtime's
     * state is gone, but the node's log directory still has {@code <n>.log} for each earlier run.
     */
    private int restartCountByLogDir(Pod pod, Container c) {
        String dir = logDir(pod) + "/" + c.name();
        if (!hostFs.isDirectory(dir)) {
            return 0;
        }
        return hostFs.list(dir).stream().filter(f -> f.matches("\\d+\\.log"))
                .mapToInt(f -> Integer.parseInt(f.substring(0, f.length() - 4)) + 1).max().orElse(0);
    }

    /** {@code /var/log/pods/<namespace>_<name>_<uid>}: where the container logs of a pod live on the node. */
    static String logDir(Pod pod) {
        var m = pod.metadata();
        return "/var/log/pods/" + m.namespace() + "_" + m.name() + "_" + m.uid();
    }

    /**
     * Kills a running container: the Killing event, its preStop hook (exec or sleep) within the
     * grace period, then a stop with what is left of it (at least 2 s).
     */
    CompletionStage<Void> kill(Pod pod, Container c, ContainerStatus status, String message, long gracePeriodSeconds) {
        ObjectReference ref = c == null ? ContainerRefs.of(pod) : ContainerRefs.of(pod, c);
        String name = status.metadata().name();
        recorder.event(ref, "Normal", "Killing", message != null ? message : "Stopping container " + name);
        Instant start = loop.clock().now();
        LifecycleHandler preStop = c == null || c.lifecycle() == null ? null : c.lifecycle().preStop();
        CompletionStage<Void> hook = preStop(preStop, status.id(), gracePeriodSeconds);
        return hook.thenCompose(v -> {
            long used = Duration.between(start, loop.clock().now()).toSeconds();
            long left = Math.max(gracePeriodSeconds - used, MINIMUM_GRACE_PERIOD_SECONDS);
            return runtime.stopContainer(status.id(), left);
        }).handle((v, e) -> {
            probes.containerStopped(pod.metadata().uid(), name);
            return null;
        });
    }

    private CompletionStage<Void> preStop(LifecycleHandler handler, String containerId, long grace) {
        if (handler == null) {
            return CompletableFuture.completedFuture(null);
        }
        if (handler.exec() != null) {
            List<String> cmd = handler.exec().command();
            return runtime.execSync(containerId, cmd, Duration.ofSeconds(Math.max(grace, 1)))
                    .handle((r, e) -> (Void) null);
        }
        if (handler.sleep() != null) {
            CompletableFuture<Void> done = new CompletableFuture<>();
            long seconds = Math.min(handler.sleep().seconds(), grace);
            loop.schedule("preStop sleep", Duration.ofSeconds(seconds), () -> done.complete(null));
            return done;
        }
        return CompletableFuture.completedFuture(null); // httpGet hooks are left out
    }

    /** Go's {@code time.Duration.String}: {@code 10s}, {@code 1m20s}, {@code 5m0s}. */
    static String goDuration(Duration d) {
        long s = d.toSeconds();
        if (s < 60) {
            return s + "s";
        }
        return (s / 60) + "m" + (s % 60) + "s";
    }
}
