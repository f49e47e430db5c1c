package kubelab.apiserver.registry.autoscaling;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.autoscaling.CrossVersionObjectReference;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.autoscaling.HorizontalPodAutoscalerSpec;
import kubelab.api.autoscaling.MetricSourceType;
import kubelab.api.autoscaling.MetricSpec;
import kubelab.api.autoscaling.MetricTarget;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * HorizontalPodAutoscalers. Defaults: {@code minReplicas} 1; without metrics, a target of 80%
 * average CPU utilization; when a {@code behavior} is given, its unset parts filled with the
 * standard ones (scale up at once by up to 4 pods or 100% per 15 s; scale down after a 5-minute
 * window by up to 100% per 15 s). Validation: at least 1 replica, {@code maxReplicas} at least
 * {@code minReplicas}, a target to scale, and metrics of a known type with sensible targets.
 *
 * <p>Real Kubernetes: {@code pkg/registry/autoscaling/horizontalpodautoscaler/strategy.go},
 * {@code SetDefaults_HorizontalPodAutoscaler} in {@code pkg/apis/autoscaling/v2/defaults.go} and
 * {@code ValidateHorizontalPodAutoscalerSpec} in {@code pkg/apis/autoscaling/validation}.
 */
public final class HorizontalPodAutoscalerStrategy implements Strategy<HorizontalPodAutoscaler> {
    private static final List<String> METRIC_TYPES = List.of(MetricSourceType.OBJECT, MetricSourceType.PODS,
            MetricSourceType.RESOURCE, MetricSourceType.EXTERNAL, MetricSourceType.CONTAINER_RESOURCE);

    @Override
    public HorizontalPodAutoscaler applyDefaults(HorizontalPodAutoscaler hpa) {
        return JsonDefaults.apply(hpa, HorizontalPodAutoscaler.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "minReplicas", 1);
            if (!(spec.get("metrics") instanceof ArrayNode metrics) || metrics.isEmpty()) {
                ObjectNode metric = spec.putArray("metrics").addObject();
                metric.put("type", MetricSourceType.RESOURCE);
                ObjectNode resource = metric.putObject("resource");
                resource.put("name", "cpu");
                resource.putObject("target").put("type", MetricTarget.UTILIZATION).put("averageUtilization", 80);
            }
            ObjectNode behavior = JsonDefaults.objectOrNull(spec, "behavior");
            if (behavior != null) {
                rules(JsonDefaults.object(behavior, "scaleUp"), 0, new int[][] {{4, 15}, {100, 15}});
                rules(JsonDefaults.object(behavior, "scaleDown"), 300, new int[][] {{100, 15}});
            }
        });
    }

    /** Fills unset parts of one direction's rules; {@code policies} are {Pods or Percent value, period}. */
    private static void rules(ObjectNode rules, int window, int[][] policies) {
        JsonDefaults.putIfAbsent(rules, "stabilizationWindowSeconds", window);
        JsonDefaults.putIfAbsent(rules, "selectPolicy", "Max");
        if (!(rules.get("policies") instanceof ArrayNode a) || a.isEmpty()) {
            ArrayNode list = rules.putArray("policies");
            for (int i = 0; i < policies.length; i++) {
                boolean pods = policies.length == 2 && i == 0;
                list.addObject().put("type", pods ? "Pods" : "Percent").put("value", policies[i][0])
                        .put("periodSeconds", policies[i][1]);
            }
        }
    }

    @Override
    public List<FieldError> validate(HorizontalPodAutoscaler hpa) {
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>();
        int max = spec.maxReplicas() == null ? 0 : spec.maxReplicas();
        if (spec.minReplicas() != null && spec.minReplicas() < 1) {
            errors.add(FieldError.invalid("spec.minReplicas", spec.minReplicas(), "must be greater than or equal to 1"));
        }
        if (max < 1) {
            errors.add(FieldError.invalid("spec.maxReplicas", max, "must be greater than 0"));
        }
        if (spec.minReplicas() != null && max < spec.minReplicas()) {
            errors.add(FieldError.invalid("spec.maxReplicas", max, "must be greater than or equal to `minReplicas`"));
        }
        List<FieldError> refErrors = scaleTargetRef(spec.scaleTargetRef());
        errors.addAll(refErrors);
        if (refErrors.isEmpty()) {
            for (int i = 0; i < spec.metrics().size(); i++) {
                errors.addAll(metric(spec.metrics().get(i), "spec.metrics[" + i + "]"));
            }
        }
        return errors;
    }

    private static List<FieldError> scaleTargetRef(CrossVersionObjectReference ref) {
        List<FieldError> errors = new ArrayList<>();
        String kind = ref == null || ref.kind() == null ? "" : ref.kind();
        String name = ref == null || ref.name() == null ? "" : ref.name();
        if (kind.isEmpty()) {
            errors.add(FieldError.required("spec.scaleTargetRef.kind", null));
        }
        for (String msg : kind.isEmpty() ? List.<String>of() : FieldChecks.pathSegment(kind)) {
            errors.add(FieldError.invalid("spec.scaleTargetRef.kind", kind, msg));
        }
        if (name.isEmpty()) {
            errors.add(FieldError.required("spec.scaleTargetRef.name", null));
        }
        for (String msg : name.isEmpty() ? List.<String>of() : FieldChecks.pathSegment(name)) {
            errors.add(FieldError.invalid("spec.scaleTargetRef.name", name, msg));
        }
        return errors;
    }

    private static List<FieldError> metric(MetricSpec metric, String at) {
        List<FieldError> errors = new ArrayList<>();
        String type = metric.type() == null ? "" : metric.type();
        if (type.isEmpty()) {
            errors.add(FieldError.required(at + ".type", "must specify a metric source type"));
        }
        if (!METRIC_TYPES.contains(type)) {
            errors.add(FieldError.notSupported(at + ".type", type, METRIC_TYPES));
        }
        if (type.equals(MetricSourceType.RESOURCE)) {
            if (metric.resource() == null) {
                errors.add(FieldError.required(at + ".resource", "must populate information for the given metric source"));
            } else {
                if (metric.resource().name() == null || metric.resource().name().isEmpty()) {
                    errors.add(FieldError.required(at + ".resource.name", "must specify a resource name"));
                }
                errors.addAll(target(metric.resource().target(), at + ".resource.target"));
            }
        }
        return errors;
    }

    private static List<FieldError> target(MetricTarget target, String at) {
        List<FieldError> errors = new ArrayList<>();
        MetricTarget t = target == null ? new MetricTarget(null, null, null, null) : target;
        String type = t.type() == null ? "" : t.type();
        if (type.isEmpty()) {
            errors.add(FieldError.required(at + ".type", "must specify a metric target type"));
        }
        if (!List.of(MetricTarget.UTILIZATION, MetricTarget.VALUE, MetricTarget.AVERAGE_VALUE).contains(type)) {
            errors.add(FieldError.invalid(at + ".type", type, "must be either Utilization, Value, or AverageValue"));
        }
        if (t.averageUtilization() != null && t.averageUtilization() < 1) {
            errors.add(FieldError.invalid(at + ".averageUtilization", t.averageUtilization(), "must be greater than 0"));
        }
        if (t.value() != null && t.value().signum() != 1) {
            errors.add(FieldError.invalid(at + ".value", t.value().toString(), "must be positive"));
        }
        if (t.averageValue() != null && t.averageValue().signum() != 1) {
            errors.add(FieldError.invalid(at + ".averageValue", t.averageValue().toString(), "must be positive"));
        }
        if (t.averageUtilization() == null && t.averageValue() == null) {
            errors.add(FieldError.required(at + ".averageUtilization", "must set either a target raw value or a target utilization"));
        }
        if (t.averageUtilization() != null && t.averageValue() != null) {
            errors.add(FieldError.forbidden(at + ".averageValue", "may not set both a target raw value and a target utilization"));
        }
        return errors;
    }
}
