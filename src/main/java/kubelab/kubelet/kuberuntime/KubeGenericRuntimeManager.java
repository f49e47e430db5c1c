package kubelab.kubelet.kuberuntime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.resource.Quantity;
import kubelab.client.record.EventRecorder;
import kubelab.kubelet.container.ContainerRefs;
import kubelab.kubelet.container.ReasonCache;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.envvars.EnvVars;
import kubelab.kubelet.images.ImageManager;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.EventLoop;

/**
 * Drives one pod's sandbox and containers toward its spec through the CRI. {@link #syncPod} is the
 * heart of the kubelet; its numbered steps follow Kubernetes' own. Every call completes on the
 * loop and never exceptionally; a step that could not be done says when to try again.
 *
 * <p>Real Kubernetes: {@code kubeGenericRuntimeManager} in
 * {@code pkg/kubelet/kuberuntime/kuberuntime_manager.go} ({@code SyncPod}, {@code KillPod}).
 */
public final class KubeGenericRuntimeManager {
    /** What a sync achieved: when to sync again because of a back-off (null: only on change). */
    public record SyncResult(Duration retryAfter) {
        static SyncResult merge(SyncResult a, Duration b) {
            if (b == null) {
                return a;
            }
            return new SyncResult(a.retryAfter == null || b.compareTo(a.retryAfter) < 0 ? b : a.retryAfter);
        }
    }

    private final RuntimeService runtime;
    private final EventRecorder recorder;
    private final ContainerLifecycle containers;
    private final ProbeManager probes;

    public KubeGenericRuntimeManager(RuntimeService runtime, ImageManager images, EnvVars envVars,
                                     EventRecorder recorder, ProbeManager probes, ReasonCache reasons,
                                     EventLoop loop, Supplier<Map<String, Quantity>> nodeAllocatable,
                                     MemoryFs hostFs, BooleanSupplier running) {
        this.runtime = runtime;
        this.recorder = recorder;
        this.containers = new ContainerLifecycle(runtime, images, envVars, recorder, probes, reasons, loop,
                nodeAllocatable, hostFs, running);
        this.probes = probes;
    }

    /** What the runtime holds for the pod now. */
    public RuntimePodStatus podStatus(String uid) {
        return RuntimePodStatus.read(runtime, uid);
    }

    /**
     * Brings the pod's sandbox and containers to what its spec asks:
     * <ol>
     *   <li>compute sandbox and container changes;</li>
     *   <li>kill the pod if its sandbox changed (or everything in it is done);</li>
     *   <li>otherwise kill the containers that must not keep running (failed liveness);</li>
     *   <li>create a sandbox if needed, and read the pod IP from its status;</li>
     *   <li>ephemeral containers (left out);</li>
     *   <li>start the next init container;</li>
     *   <li>start the app containers.</li>
     * </ol>
     *
     * @param volumePaths the host path of each of the pod's volumes, already set up
     */
    public CompletionStage<SyncResult> syncPod(Pod pod, RuntimePodStatus status, Map<String, String> volumePaths,
                                               String hostIP) {
        // Step 1: compute sandbox and container changes.
        PodActions actions = PodActions.compute(pod, status, probes);
        long grace = terminationGracePeriod(pod);

        // Step 2: kill the pod if the sandbox has changed.
        CompletionStage<Void> killed;
        if (actions.killPod()) {
            if (actions.createSandbox() && actions.attempt() > 0) {
                recorder.event(ContainerRefs.of(pod), "Normal", "SandboxChanged",
                        "Pod sandbox changed, it will be killed and re-created.");
            }
            killed = killPod(pod, status, grace, false);
        } else {
            // Step 3: kill any running containers in this pod that are not to be kept.
            List<CompletionStage<Void>> kills = new ArrayList<>();
            for (PodActions.ContainerToKill k : actions.containersToKill()) {
                kills.add(containers.kill(pod, k.container(), k.status(), k.message(), grace));
            }
            killed = CompletableFuture.allOf(kills.stream().map(CompletionStage::toCompletableFuture)
                    .toArray(CompletableFuture[]::new));
        }
        if (actions.killPod() && !actions.createSandbox()) {
            return killed.thenApply(v -> new SyncResult(null));
        }
        return killed.thenCompose(v -> {
            RuntimePodStatus now = actions.containersToKill().isEmpty() && !actions.killPod()
                    ? status : RuntimePodStatus.read(runtime, pod.metadata().uid());
            // tag::sync-pod-start[]
            // Step 4: create a sandbox for the pod if necessary.
            String sandboxId = actions.sandboxId();
            PodSandboxConfig sandboxConfig = RuntimeConfigs.sandboxConfig(pod, actions.createSandbox() ? actions.attempt()
                    : now.latestSandbox().map(s -> s.metadata().attempt()).orElse(0));
            if (actions.createSandbox()) {
                try {
                    sandboxId = runtime.runPodSandbox(sandboxConfig);
                } catch (CriException e) {
                    recorder.event(ContainerRefs.of(pod), "Warning", "FailedCreatePodSandBox",
                            "Failed to create pod sandbox: " + e.getMessage());
                    return CompletableFuture.completedFuture(new SyncResult(Duration.ofSeconds(10)));
                }
            }
            String podIP = runtime.podSandboxStatus(sandboxId).ip();
            // Step 5: ephemeral containers are not supported.
            // Step 6: start the next init container (one at a time, in order).
            List<Container> toStart = new ArrayList<>();
            if (actions.nextInitContainerToStart() != null) {
                toStart.add(actions.nextInitContainerToStart());
            }
            // Step 7: start the app containers, one after the other as each image is ready.
            toStart.addAll(actions.containersToStart());
            // end::sync-pod-start[]
            return startAll(pod, toStart, now, sandboxId, sandboxConfig, podIP, hostIP, volumePaths, 0,
                    new SyncResult(null));
        });
    }

    private CompletionStage<SyncResult> startAll(Pod pod, List<Container> list, RuntimePodStatus status, String sandboxId,
                                                 PodSandboxConfig config, String podIP, String hostIP,
                                                 Map<String, String> volumePaths, int i, SyncResult acc) {
        if (i >= list.size()) {
            return CompletableFuture.completedFuture(acc);
        }
        return containers.start(pod, list.get(i), status, sandboxId, config, podIP, hostIP, volumePaths)
                .thenCompose(started -> startAll(pod, list, status, sandboxId, config, podIP, hostIP, volumePaths,
                        i + 1, SyncResult.merge(acc, started.retryAfter())));
    }

    /**
     * Kills every running container of the pod in parallel, each within {@code gracePeriodSeconds}
     * (preStop hooks first), then stops the sandbox; with {@code remove}, removes the sandboxes too.
     */
    public CompletionStage<Void> killPod(Pod pod, RuntimePodStatus status, long gracePeriodSeconds, boolean remove) {
        List<CompletionStage<Void>> kills = new ArrayList<>();
        for (ContainerStatus c : status.running()) {
            Optional<Container> spec = pod.spec().allContainers().stream()
                    .filter(x -> x.name().equals(c.metadata().name())).findFirst();
            kills.add(containers.kill(pod, spec.orElse(null), c, null, gracePeriodSeconds));
        }
        return CompletableFuture.allOf(kills.stream().map(CompletionStage::toCompletableFuture)
                .toArray(CompletableFuture[]::new)).handle((v, e) -> {
                    for (PodSandboxStatus s : status.sandboxes()) {
                        runtime.stopPodSandbox(s.id());
                        if (remove) {
                            runtime.removePodSandbox(s.id());
                        }
                    }
                    return null;
                });
    }

    /** Removes every sandbox (and so every container) of a pod, at once: the pod is gone. */
    public void removePod(String uid) {
        for (PodSandboxStatus s : RuntimePodStatus.read(runtime, uid).sandboxes()) {
            runtime.stopPodSandbox(s.id());
            runtime.removePodSandbox(s.id());
        }
        containers.forgetPod(uid);
    }

    /** The pod's own grace period: {@code terminationGracePeriodSeconds}, 30 s if unset. */
    public static long terminationGracePeriod(Pod pod) {
        Long g = pod.spec().terminationGracePeriodSeconds();
        return g == null ? 30 : g;
    }
}
