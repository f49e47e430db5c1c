package kubelab.kubelet;

import java.time.Duration;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.BooleanSupplier;
import java.util.function.Function;
import java.util.function.Supplier;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodStatus;
import kubelab.api.resource.Quantity;
import kubelab.client.record.EventRecorder;
import kubelab.kubelet.container.ContainerRefs;
import kubelab.kubelet.container.ReasonCache;
import kubelab.kubelet.container.RuntimePodStatus;
import kubelab.kubelet.kuberuntime.KubeGenericRuntimeManager;
import kubelab.kubelet.prober.ProbeManager;
import kubelab.kubelet.status.PodStatusGenerator;
import kubelab.kubelet.status.StatusManager;
import kubelab.kubelet.volume.VolumeManager;
import kubelab.time.Clock;

/**
 * One sync of one pod, in the order the kubelet does it: write the status the pod has now, set
 * up its volumes, then let the runtime manager bring its containers to the spec. A pod being
 * deleted is terminated instead (containers stopped within the grace period, sandbox stopped and
 * removed, volumes torn down, final status, the object deleted); a pod that reached Succeeded or
 * Failed keeps its stopped sandbox and is never started again.
 *
 * <p>Real Kubernetes: {@code Kubelet.SyncPod}, {@code SyncTerminatingPod} and
 * {@code SyncTerminatedPod} in {@code pkg/kubelet/kubelet.go}.
 */
final class PodSync {
    private final Function<String, Pod> pods;
    private final KubeGenericRuntimeManager runtime;
    private final VolumeManager volumes;
    private final StatusManager statusManager;
    private final PodStatusGenerator generator;
    private final ProbeManager probes;
    private final ReasonCache reasons;
    private final EventRecorder recorder;
    private final Clock clock;
    private final Supplier<String> hostIP;
    private final Supplier<Map<String, Quantity>> allocatable;
    private final BooleanSupplier running;
    private final Set<String> probed = new HashSet<>();
    private final Set<String> terminating = new HashSet<>();

    PodSync(Function<String, Pod> pods, KubeGenericRuntimeManager runtime, VolumeManager volumes,
            StatusManager statusManager, PodStatusGenerator generator, ProbeManager probes, ReasonCache reasons,
            EventRecorder recorder, Clock clock, Supplier<String> hostIP, Supplier<Map<String, Quantity>> allocatable,
            BooleanSupplier running) {
        this.pods = pods;
        this.runtime = runtime;
        this.volumes = volumes;
        this.statusManager = statusManager;
        this.generator = generator;
        this.probes = probes;
        this.reasons = reasons;
        this.recorder = recorder;
        this.clock = clock;
        this.hostIP = hostIP;
        this.allocatable = allocatable;
        this.running = running;
    }

    /** Syncs the pod with this uid; completes with when to retry (null: only on a change). */
    CompletionStage<Duration> sync(String uid) {
        if (!running.getAsBoolean()) {
            return done(null);
        }
        Pod pod = pods.apply(uid);
        if (pod == null) {
            cleanUp(uid); // deleted from the API (or force-deleted): nothing may run any more
            return done(null);
        }
        RuntimePodStatus rs = runtime.podStatus(uid);
        if (pod.metadata().isBeingDeleted()) {
            return syncTerminatingPod(pod, rs);
        }
        PodStatus written = statusManager.lastWritten(uid);
        String phase = written != null ? written.phase() : pod.status() == null ? null : pod.status().phase();
        if (PodPhase.isTerminal(phase)) {
            return syncTerminatedPod(pod, rs);
        }
        if (probed.add(uid)) {
            probes.addPod(pod);
        }
        // 1. Write the status the pod has now.
        PodStatus status = generator.generate(withLatestStatus(pod), rs, hostIP.get(), clock.now(), false);
        pod = statusManager.setPodStatus(pod, status);
        if (PodPhase.isTerminal(status.phase())) {
            return syncTerminatedPod(pod, rs);
        }
        // 2. Set up the volumes; containers wait for them.
        VolumeManager.MountResult mounts = volumes.mount(pod, hostIP.get(), rs.ip(), allocatable.get());
        if (!mounts.ok()) {
            for (VolumeManager.Failure f : mounts.failures()) {
                recorder.event(ContainerRefs.of(pod), "Warning", "FailedMount",
                        "MountVolume.SetUp failed for volume \"" + f.volume() + "\" : " + f.message());
            }
            return done(volumes.nextRetry(uid));
        }
        // 3. Let the runtime manager start, restart and kill containers (kuberuntime's SyncPod).
        Pod synced = pod;
        return runtime.syncPod(pod, rs, mounts.hostPaths(), hostIP.get()).thenApply(result -> {
            if (running.getAsBoolean()) {
                writeStatus(synced, false);
            }
            return result.retryAfter();
        });
    }

    /** Stops the containers of a pod being deleted, then finishes its deletion. */
    private CompletionStage<Duration> syncTerminatingPod(Pod pod, RuntimePodStatus rs) {
        String uid = pod.metadata().uid();
        if (!terminating.add(uid)) {
            return done(null); // already on its way out
        }
        Long grace = pod.metadata().deletionGracePeriodSeconds();
        long seconds = grace != null ? grace : KubeGenericRuntimeManager.terminationGracePeriod(pod);
        return runtime.killPod(pod, rs, seconds, false).thenApply(v -> {
            if (!running.getAsBoolean()) {
                return null;
            }
            Pod latest = pods.apply(uid) != null ? pods.apply(uid) : pod;
            writeStatus(latest, true);
            runtime.removePod(uid);
            volumes.tearDown(uid);
            probes.removePod(uid);
            probed.remove(uid);
            statusManager.deletePod(latest);
            return null;
        });
    }

    /** A pod that finished: nothing runs or starts again; its sandbox stays, stopped. */
    private CompletionStage<Duration> syncTerminatedPod(Pod pod, RuntimePodStatus rs) {
        boolean anyRunning = !rs.running().isEmpty() || rs.ip() != null;
        CompletionStage<Void> stopped = anyRunning
                ? runtime.killPod(pod, rs, KubeGenericRuntimeManager.terminationGracePeriod(pod), false)
                : CompletableFuture.completedFuture(null);
        return stopped.thenApply(v -> {
            if (running.getAsBoolean()) {
                writeStatus(pod, false);
                if (probed.remove(pod.metadata().uid())) {
                    probes.removePod(pod.metadata().uid());
                }
            }
            return null;
        });
    }

    private void writeStatus(Pod pod, boolean terminal) {
        RuntimePodStatus rs = runtime.podStatus(pod.metadata().uid());
        statusManager.setPodStatus(pod, generator.generate(withLatestStatus(pod), rs, hostIP.get(), clock.now(), terminal));
    }

    /**
     * The pod with the status this kubelet wrote last: the informer's copy may lag behind it, and
     * computing from a stale status would flip transition times back and forth.
     */
    private Pod withLatestStatus(Pod pod) {
        PodStatus cached = statusManager.lastWritten(pod.metadata().uid());
        return cached == null ? pod : pod.withStatus(cached);
    }

    /** Everything the node still holds of a pod that is gone from the API. */
    void cleanUp(String uid) {
        runtime.removePod(uid);
        volumes.tearDown(uid);
        if (probed.remove(uid)) {
            probes.removePod(uid);
        }
        reasons.removePod(uid);
        statusManager.removePod(uid);
        terminating.remove(uid);
    }

    /** Forgets every pod: the node went down. */
    void reset() {
        probed.clear();
        terminating.clear();
    }

    private static CompletionStage<Duration> done(Duration retry) {
        return CompletableFuture.completedFuture(retry);
    }
}
