package kubelab.kubelet.prober;

import java.time.Duration;
import java.time.Instant;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.Probe;
import kubelab.time.EventLoop;

/**
 * Probes one container with one of its probes for as long as that container runs: the first
 * time {@code initialDelaySeconds} after it started, then every {@code periodSeconds}; and turns
 * the run of outcomes into the result the kubelet reads.
 *
 * <p>A result only changes after {@code failureThreshold} failures in a row (default 3) or
 * {@code successThreshold} successes in a row (default 1; always 1 for liveness and startup). A
 * liveness or startup {@code FAILURE} puts the worker on hold: the kubelet is about to restart the
 * container, and the new container gets new workers. A startup {@code SUCCESS} ends the startup
 * probe for this container's life. Liveness and readiness wait (their ticks pass without a probe)
 * until the startup probe, if any, has succeeded.
 *
 * <p>Ticks are ordinary timers: a probe can still change a pod, so a cluster with probing
 * containers does not settle. A tick that comes while the previous probe still runs (an exec
 * slower than the period) is kept and run as soon as that probe ends, as Go's ticker does.
 *
 * <p>Simplified: Kubernetes's ticks start when the kubelet first sees the pod and skip until the
 * initial delay has passed, and after a kubelet restart the first tick waits a random part of a
 * period; here ticks start at the container's start plus the initial delay, with no jitter.
 *
 * <p>Real Kubernetes: {@code worker} in {@code pkg/kubelet/prober/worker.go}.
 */
final class ProbeWorker {
    private final DefaultProbeManager manager;
    private final EventLoop loop;
    private final Prober prober;
    final ProbeType type;
    final Pod pod;
    final Container container;
    final String containerId;
    private final Probe spec;
    private final Instant startedAt;
    private final String name;

    private ProbeResult result;
    private ProbeResult lastResult;
    private int resultRun;
    private boolean onHold;
    private boolean inFlight;
    private boolean triggerPending;
    private boolean stopped;
    private EventLoop.Timer timer;

    ProbeWorker(DefaultProbeManager manager, EventLoop loop, Prober prober, ProbeType type, Pod pod,
                Container container, String containerId) {
        this.manager = manager;
        this.loop = loop;
        this.prober = prober;
        this.type = type;
        this.pod = pod;
        this.container = container;
        this.containerId = containerId;
        this.spec = type.specOf(container);
        this.startedAt = loop.clock().now();
        this.result = type.initialResult();
        this.name = "probe " + type + " " + pod.metadata().namespace() + "/" + pod.metadata().name() + "/"
                + container.name();
    }

    /** The current result: the initial one until a threshold is reached. */
    ProbeResult result() {
        return result;
    }

    /** Starts ticking: the first probe after the initial delay. */
    void start() {
        timer = loop.schedule(name, Duration.ofSeconds(initialDelaySeconds()), this::tick);
    }

    /** Stops probing for good; the result stays readable. A probe in flight is ignored when it ends. */
    void stop() {
        stopped = true;
        cancelTimer();
    }

    /** Stops probing and pins the result, as for a pod being deleted: a quiet shutdown. */
    void stopWith(ProbeResult pinned) {
        stop();
        result = pinned;
    }

    /** Probes now, out of rhythm, if the container is past its initial delay; the ticks go on as before. */
    void trigger() {
        if (stopped || onHold) {
            return;
        }
        if (inFlight) {
            triggerPending = true;
            return;
        }
        if (Duration.between(startedAt, loop.clock().now()).getSeconds() < initialDelaySeconds()) {
            return;
        }
        boolean started = manager.started(pod.metadata().uid(), container.name());
        if ((type == ProbeType.STARTUP) == started) {
            return; // the startup probe is done, or the others wait for it
        }
        inFlight = true;
        prober.probe(type, pod, container, containerId, manager.podIP(pod.metadata().uid()))
                .whenComplete((outcome, thrown) -> onLoop(() -> finish(outcome, thrown)));
    }

    private void tick() {
        timer = loop.schedule(name, Duration.ofSeconds(periodSeconds()), this::tick);
        trigger();
    }

    private void onLoop(Runnable task) {
        if (loop.inLoop()) {
            task.run();
        } else {
            loop.execute(name, task);
        }
    }

    private void finish(ProbeOutcome outcome, Throwable thrown) {
        inFlight = false;
        if (thrown != null) {
            // A bug, not a probe result: fail the loop loudly rather than lose it in a future.
            loop.execute(name, () -> {
                throw new IllegalStateException(name + " failed", thrown);
            });
            return;
        }
        if (stopped) {
            return;
        }
        if (!outcome.errored()) {
            // An outcome with an error carries no verdict: thrown away, as the kubelet does.
            record(outcome.result());
        }
        if (triggerPending) {
            triggerPending = false;
            trigger();
        }
    }

    private void record(ProbeResult outcome) {
        if (outcome == lastResult) {
            resultRun++;
        } else {
            lastResult = outcome;
            resultRun = 1;
        }
        if ((outcome == ProbeResult.FAILURE && resultRun < failureThreshold())
                || (outcome == ProbeResult.SUCCESS && resultRun < successThreshold())) {
            return; // below the threshold: the result stays as it is
        }
        boolean changed = result != outcome;
        result = outcome;
        if (type != ProbeType.READINESS && outcome == ProbeResult.FAILURE) {
            // The container will be restarted; probing it while it is being killed helps nobody.
            onHold = true;
            resultRun = 0;
            cancelTimer();
        } else if (type == ProbeType.STARTUP) {
            cancelTimer(); // started: the startup probe has nothing more to say about this container
        }
        if (changed) {
            manager.resultChanged(this);
        }
    }

    private void cancelTimer() {
        if (timer != null) {
            timer.cancel();
            timer = null;
        }
    }

    private int initialDelaySeconds() {
        return spec.initialDelaySeconds() == null ? 0 : Math.max(0, spec.initialDelaySeconds());
    }

    private int periodSeconds() {
        return spec.periodSeconds() == null || spec.periodSeconds() < 1 ? 10 : spec.periodSeconds();
    }

    private int failureThreshold() {
        return spec.failureThreshold() == null || spec.failureThreshold() < 1 ? 3 : spec.failureThreshold();
    }

    /** Validation allows only 1 for liveness and startup; a pod built by hand gets 1 there too. */
    private int successThreshold() {
        if (type != ProbeType.READINESS || spec.successThreshold() == null || spec.successThreshold() < 1) {
            return 1;
        }
        return spec.successThreshold();
    }
}
