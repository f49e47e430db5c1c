package kubelab.kubelet.prober;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import kubelab.api.core.Container;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;
import kubelab.api.core.Probe;
import kubelab.client.record.EventRecorder;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.net.PodNetwork;

/**
 * Runs one probe of one container once and tells people when it fails: each failed run records a
 * {@code Warning Unhealthy} event on the container ({@code Liveness probe failed: <output>}), and
 * a probe that could not run at all records {@code Liveness probe errored and resulted in unknown
 * state: <error>}; one that passed with a warning records {@code Warning ProbeWarning}. Whether a
 * failure counts (thresholds) is the worker's business, not this one's: that is why {@code kubectl describe} shows "Unhealthy (x3 over 10s)" before the restart.
 *
 * <p>Simplified: gRPC probes are not run: each attempt is an error event and no verdict. The
 * kubelet's three immediate retries of a probe that errored are left out: in a simulation the
 * retry would meet the same error.
 *
 * <p>Real Kubernetes: {@code prober.probe} and {@code runProbe} in
 * {@code pkg/kubelet/prober/prober.go}; the events are {@code events.ContainerUnhealthy}.
 */
final class Prober {
    /** The reason of the event a failed probe records. */
    static final String UNHEALTHY = "Unhealthy";
    /** The reason of the event a probe that passed with a warning records. */
    static final String PROBE_WARNING = "ProbeWarning";
    /** What a gRPC probe answers here. */
    static final String GRPC_NOT_SUPPORTED = "gRPC probes are not supported by KubeLab";

    private final RuntimeService runtime;
    private final PodNetwork network;
    private final EventRecorder recorder;

    Prober(RuntimeService runtime, PodNetwork network, EventRecorder recorder) {
        this.runtime = runtime;
        this.network = network;
        this.recorder = recorder;
    }

    /** Runs the container's probe of {@code type} against the container {@code containerId} of the pod at {@code podIP}. */
    CompletionStage<ProbeOutcome> probe(ProbeType type, Pod pod, Container container, String containerId,
                                        String podIP) {
        Probe spec = type.specOf(container);
        if (spec == null) {
            return CompletableFuture.completedFuture(ProbeOutcome.success(""));
        }
        return run(spec, container, containerId, podIP).thenApply(outcome -> {
            record(type, pod, container, outcome);
            return outcome;
        });
    }

    private CompletionStage<ProbeOutcome> run(Probe spec, Container container, String containerId, String podIP) {
        if (spec.exec() != null) {
            Duration timeout = Duration.ofSeconds(spec.timeoutSeconds() == null ? 1 : spec.timeoutSeconds());
            return ExecProbe.run(runtime, containerId, ExecProbe.expand(spec.exec().command(), container.env()),
                    timeout);
        }
        ProbeOutcome outcome;
        if (spec.httpGet() != null) {
            outcome = HttpGetProbe.run(network, spec.httpGet(), container, podIP);
        } else if (spec.tcpSocket() != null) {
            outcome = TcpSocketProbe.run(network, spec.tcpSocket(), container, podIP);
        } else if (spec.grpc() != null) {
            outcome = ProbeOutcome.error(GRPC_NOT_SUPPORTED);
        } else {
            outcome = ProbeOutcome.error("missing probe handler for " + container.name());
        }
        return CompletableFuture.completedFuture(outcome);
    }

    private void record(ProbeType type, Pod pod, Container container, ProbeOutcome outcome) {
        if (outcome.errored()) {
            recorder.event(containerRef(pod, container), "Warning", UNHEALTHY,
                    type + " probe errored and resulted in unknown state: " + outcome.error());
        } else if (outcome.result() == ProbeResult.FAILURE) {
            // The output goes in as the probe gave it, trailing newline included; kubectl describe
            // trims it when it prints the event.
            recorder.event(containerRef(pod, container), "Warning", UNHEALTHY,
                    type + " probe failed: " + outcome.output());
        } else if (outcome.warning()) {
            recorder.event(containerRef(pod, container), "Warning", PROBE_WARNING,
                    type + " probe warning: " + outcome.output());
        }
    }

    /** The pod, narrowed to one container by {@code fieldPath}, as the kubelet refers to containers in events. */
    static ObjectReference containerRef(Pod pod, Container container) {
        ObjectReference podRef = ObjectReference.to(pod);
        boolean init = pod.spec() != null && pod.spec().initContainers().stream()
                .anyMatch(c -> c.name().equals(container.name()));
        String fieldPath = (init ? "spec.initContainers{" : "spec.containers{") + container.name() + "}";
        return new ObjectReference(podRef.kind(), podRef.namespace(), podRef.name(), podRef.uid(),
                podRef.apiVersion(), podRef.resourceVersion(), fieldPath);
    }
}
