package kubelab.scheduler.framework.runtime;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.Status;
import kubelab.scheduler.framework.WaitingPod;
import kubelab.time.EventLoop;

/**
 * A pod held at Permit, with one timer per plugin that said Wait. The timers are ordinary: a
 * waiting pod is work in progress, so a simulation is not settled while one waits. The first
 * rejection, or the last allow, hands the verdict to the binding cycle exactly once.
 *
 * <p>Real Kubernetes: {@code waitingPod} in {@code pkg/scheduler/framework/runtime/waiting_pods_map.go}.
 */
final class WaitingPodImpl implements WaitingPod {
    private final Pod pod;
    private final String nodeName;
    private final Map<String, EventLoop.Timer> pending = new LinkedHashMap<>();
    private Consumer<Status> onDone;
    private Status verdict;

    WaitingPodImpl(Pod pod, String nodeName, Map<String, Duration> waits, EventLoop loop) {
        this.pod = pod;
        this.nodeName = nodeName;
        waits.forEach((plugin, timeout) -> pending.put(plugin, loop.schedule("permit wait: " + plugin, timeout,
                () -> reject(plugin, "rejected due to timeout after waiting " + Durations.go(timeout)
                        + " at plugin " + plugin))));
    }

    @Override
    public Pod pod() {
        return pod;
    }

    @Override
    public String nodeName() {
        return nodeName;
    }

    @Override
    public Set<String> pendingPlugins() {
        return Set.copyOf(pending.keySet());
    }

    @Override
    public void allow(String pluginName) {
        EventLoop.Timer t = pending.remove(pluginName);
        if (t != null) {
            t.cancel();
        }
        if (pending.isEmpty()) {
            finish(Status.success());
        }
    }

    @Override
    public void reject(String pluginName, String message) {
        pending.values().forEach(EventLoop.Timer::cancel);
        pending.clear();
        finish(Status.of(Status.Code.Unschedulable, message).withPlugin(pluginName));
    }

    /** Calls {@code then} with the verdict, now or when it comes. */
    void whenDone(Consumer<Status> then) {
        this.onDone = then;
        if (verdict != null) {
            then.accept(verdict);
        }
    }

    private void finish(Status s) {
        if (verdict != null) {
            return;
        }
        verdict = s;
        if (onDone != null) {
            onDone.accept(s);
        }
    }

    /** Go's way of printing a duration in the timeout message ({@code 10s}, {@code 1m30s}). */
    static final class Durations {
        private Durations() {
        }

        static String go(Duration d) {
            long s = d.getSeconds();
            if (s >= 60) {
                return (s / 60) + "m" + (s % 60) + "s";
            }
            return d.toMillis() % 1000 == 0 ? s + "s" : (d.toMillis() / 1000.0) + "s";
        }
    }
}
