package kubelab.printers;

import static kubelab.printers.TableColumnDefinition.of;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.autoscaling.HorizontalPodAutoscalerSpec;
import kubelab.api.autoscaling.HorizontalPodAutoscalerStatus;
import kubelab.api.autoscaling.MetricSourceType;
import kubelab.api.autoscaling.MetricSpec;
import kubelab.api.autoscaling.MetricStatus;
import kubelab.api.autoscaling.MetricTarget;
import kubelab.api.autoscaling.MetricValueStatus;
import kubelab.api.resource.Quantity;

/**
 * The row of a HorizontalPodAutoscaler: NAME REFERENCE TARGETS MINPODS MAXPODS REPLICAS AGE.
 *
 * <p>TARGETS pairs each metric of the spec with the status metric at the same index, as
 * current/target: {@code cpu: 250%/50%} for a utilization, {@code cpu: <unknown>/50%} before the
 * first metrics arrive, {@code 500m/1 (avg)} for an object or external average. Two metrics at most
 * are shown, then {@code + N more...}.
 *
 * <p>Real Kubernetes: {@code printHorizontalPodAutoscaler} and {@code formatHPAMetrics} in
 * {@code pkg/printers/internalversion/printers.go}.
 */
final class HorizontalPodAutoscalerPrinter {

    static final String UNKNOWN = "<unknown>";
    private static final int MAX_METRICS = 2;

    static final TableHandler<HorizontalPodAutoscaler> HANDLER = TableHandler.of(HorizontalPodAutoscaler.class,
            List.of(of("Name"), of("Reference"), of("Targets"), of("MinPods"), of("MaxPods"), of("Replicas"),
                    of("Age")),
            HorizontalPodAutoscalerPrinter::cells);

    private HorizontalPodAutoscalerPrinter() {
    }

    static List<String> cells(HorizontalPodAutoscaler hpa, Instant now) {
        HorizontalPodAutoscalerSpec spec = hpa.spec() == null
                ? new HorizontalPodAutoscalerSpec(null, null, null, null, null) : hpa.spec();
        HorizontalPodAutoscalerStatus status = hpa.status();
        String reference = spec.scaleTargetRef() == null ? "/"
                : Cells.str(spec.scaleTargetRef().kind()) + "/" + Cells.str(spec.scaleTargetRef().name());
        String minPods = spec.minReplicas() == null ? "<unset>" : String.valueOf(spec.minReplicas());
        return List.of(Cells.name(hpa), reference,
                formatMetrics(spec.metrics(), status == null ? List.of() : status.currentMetrics()), minPods,
                String.valueOf(Cells.num(spec.maxReplicas())),
                String.valueOf(Cells.num(status == null ? null : status.currentReplicas())), Cells.age(hpa, now));
    }

    /** The TARGETS cell; {@code <none>} without metrics. */
    static String formatMetrics(List<MetricSpec> specs, List<MetricStatus> statuses) {
        if (specs.isEmpty()) {
            return "<none>";
        }
        List<String> list = new ArrayList<>();
        for (int i = 0; i < specs.size(); i++) {
            MetricSpec spec = specs.get(i);
            MetricStatus st = i < statuses.size() ? statuses.get(i) : null;
            list.add(switch (Cells.str(spec.type())) {
                case MetricSourceType.EXTERNAL -> valueOrAverage(target(spec.external().target()),
                        st == null || st.external() == null ? null : current(st.external().current()));
                case MetricSourceType.OBJECT -> valueOrAverage(target(spec.object().target()),
                        st == null || st.object() == null ? null : current(st.object().current()));
                case MetricSourceType.PODS -> (st == null || st.pods() == null ? UNKNOWN
                        : str(current(st.pods().current()).averageValue()))
                        + "/" + str(target(spec.pods().target()).averageValue());
                case MetricSourceType.RESOURCE -> resource(spec.resource().name(), target(spec.resource().target()),
                        st == null || st.resource() == null ? null : current(st.resource().current()));
                case MetricSourceType.CONTAINER_RESOURCE -> resource(spec.containerResource().name(),
                        target(spec.containerResource().target()),
                        st == null || st.containerResource() == null ? null : current(st.containerResource().current()));
                default -> "<unknown type>";
            });
        }
        if (list.size() > MAX_METRICS) {
            return String.join(", ", list.subList(0, MAX_METRICS)) + " + " + (list.size() - MAX_METRICS) + " more...";
        }
        return String.join(", ", list);
    }

    // Below, current is null when the status has no metric at this index: "<unknown>".

    /** {@code current/target (avg)} for an average value target, {@code current/target} for a value. */
    private static String valueOrAverage(MetricTarget target, MetricValueStatus current) {
        if (target.averageValue() != null) {
            String cur = current == null || current.averageValue() == null ? UNKNOWN : str(current.averageValue());
            return cur + "/" + str(target.averageValue()) + " (avg)";
        }
        String cur = current == null ? UNKNOWN : str(current.value());
        return cur + "/" + str(target.value());
    }

    /** {@code cpu: 250%/50%}, or {@code memory: 100Mi/200Mi} for an average value target. */
    private static String resource(String name, MetricTarget target, MetricValueStatus current) {
        if (target.averageValue() != null) {
            String cur = current == null ? UNKNOWN : str(current.averageValue());
            return name + ": " + cur + "/" + str(target.averageValue());
        }
        String cur = current == null || current.averageUtilization() == null ? UNKNOWN
                : current.averageUtilization() + "%";
        String tgt = target.averageUtilization() == null ? "<auto>" : target.averageUtilization() + "%";
        return name + ": " + cur + "/" + tgt;
    }

    /** Go's metric targets and values are structs, never nil: an absent one reads as empty. */
    private static MetricTarget target(MetricTarget t) {
        return t == null ? new MetricTarget(null, null, null, null) : t;
    }

    private static MetricValueStatus current(MetricValueStatus v) {
        return v == null ? new MetricValueStatus(null, null, null) : v;
    }

    /** A quantity as Go's {@code Quantity.String} prints it; {@code <nil>} when absent. */
    private static String str(Quantity q) {
        return q == null ? "<nil>" : q.toString();
    }
}
