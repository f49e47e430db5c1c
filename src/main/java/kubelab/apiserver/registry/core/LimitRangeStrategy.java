package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import kubelab.api.core.LimitRange;
import kubelab.api.core.LimitRangeItem;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * LimitRanges: for a Container limit, an unset {@code default} (limit) is the {@code max}, and an
 * unset {@code defaultRequest} is the default limit, else the {@code min}, so that the LimitRanger
 * admission plug-in always has a value to fill in. The bounds must be ordered:
 * {@code min <= defaultRequest <= default <= max}, each type appears once, a Pod limit has no
 * defaults, and names are resources a container may use.
 *
 * <p>Bad values are shown as their quantity string; Kubernetes prints its internal Quantity
 * struct there, which says nothing more.
 *
 * <p>Real Kubernetes: {@code SetDefaults_LimitRangeItem} and {@code ValidateLimitRange}.
 */
public final class LimitRangeStrategy implements Strategy<LimitRange> {
    private static final Set<String> TYPES = Set.of(LimitRangeItem.TYPE_POD, LimitRangeItem.TYPE_CONTAINER,
            LimitRangeItem.TYPE_PERSISTENT_VOLUME_CLAIM);

    @Override
    public LimitRange applyDefaults(LimitRange lr) {
        return JsonDefaults.apply(lr, LimitRange.class, tree -> {
            for (ObjectNode item : JsonDefaults.objects(JsonDefaults.objectOrNull(tree, "spec"), "limits")) {
                if (!LimitRangeItem.TYPE_CONTAINER.equals(item.path("type").asText())) {
                    continue;
                }
                ObjectNode defaults = JsonDefaults.object(item, "default");
                ObjectNode requests = JsonDefaults.object(item, "defaultRequest");
                copyMissing(JsonDefaults.objectOrNull(item, "max"), defaults);
                copyMissing(defaults, requests);
                copyMissing(JsonDefaults.objectOrNull(item, "min"), requests);
            }
        });
    }

    private static void copyMissing(ObjectNode from, ObjectNode to) {
        if (from == null) {
            return;
        }
        for (Iterator<Map.Entry<String, JsonNode>> it = from.fields(); it.hasNext(); ) {
            var e = it.next();
            if (!to.has(e.getKey())) {
                to.set(e.getKey(), e.getValue());
            }
        }
    }

    @Override
    public List<FieldError> validate(LimitRange lr) {
        List<FieldError> errors = new ArrayList<>();
        List<LimitRangeItem> limits = lr.spec() == null ? List.of() : lr.spec().limits();
        Set<String> types = new HashSet<>();
        for (int i = 0; i < limits.size(); i++) {
            LimitRangeItem limit = limits.get(i);
            String at = "spec.limits[" + i + "]";
            String type = limit.type() == null ? "" : limit.type();
            List<FieldError> typeErrors = LabelChecks.qualifiedName(type, at + ".type");
            if (typeErrors.isEmpty() && !type.contains("/") && !TYPES.contains(type)) {
                typeErrors = List.of(FieldError.invalid(at + ".type", type, "must be a standard limit type or fully qualified"));
            }
            errors.addAll(typeErrors);
            if (!types.add(type)) {
                errors.add(FieldError.duplicate(at + ".type", type));
            }
            errors.addAll(names(type, limit.max(), at + ".max"));
            errors.addAll(names(type, limit.min(), at + ".min"));
            if (type.equals(LimitRangeItem.TYPE_POD)) {
                if (!limit.defaultLimit().isEmpty()) {
                    errors.add(FieldError.forbidden(at + ".default", "may not be specified when `type` is 'Pod'"));
                }
                if (!limit.defaultRequest().isEmpty()) {
                    errors.add(FieldError.forbidden(at + ".defaultRequest", "may not be specified when `type` is 'Pod'"));
                }
            } else {
                errors.addAll(names(type, limit.defaultLimit(), at + ".default"));
                errors.addAll(names(type, limit.defaultRequest(), at + ".defaultRequest"));
            }
            if (type.equals(LimitRangeItem.TYPE_PERSISTENT_VOLUME_CLAIM)
                    && !limit.min().containsKey("storage") && !limit.max().containsKey("storage")) {
                errors.add(FieldError.required(at + ".limits",
                        "either minimum or maximum storage value is required, but neither was provided"));
            }
            errors.addAll(names(type, limit.maxLimitRequestRatio(), at + ".maxLimitRequestRatio"));
            errors.addAll(ordering(limit, type, at));
        }
        return errors;
    }

    private static List<FieldError> names(String type, Map<String, Quantity> values, String path) {
        List<FieldError> errors = new ArrayList<>();
        for (String name : new TreeSet<>(values.keySet())) {
            String at = path + "[" + name + "]";
            errors.addAll(type.equals(LimitRangeItem.TYPE_POD) || type.equals(LimitRangeItem.TYPE_CONTAINER)
                    ? ResourceNames.containerResourceName(name, at) : ResourceNames.resourceName(name, at));
        }
        return errors;
    }

    /** For each resource: min <= defaultRequest <= default <= max, and a ratio of at least 1. */
    private static List<FieldError> ordering(LimitRangeItem limit, String type, String at) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> keys = new TreeSet<>(limit.max().keySet());
        keys.addAll(limit.min().keySet());
        keys.addAll(limit.maxLimitRequestRatio().keySet());
        if (!type.equals(LimitRangeItem.TYPE_POD)) {
            keys.addAll(limit.defaultLimit().keySet());
            keys.addAll(limit.defaultRequest().keySet());
        }
        for (String k : keys) {
            Quantity min = limit.min().get(k);
            Quantity max = limit.max().get(k);
            Quantity def = type.equals(LimitRangeItem.TYPE_POD) ? null : limit.defaultLimit().get(k);
            Quantity req = type.equals(LimitRangeItem.TYPE_POD) ? null : limit.defaultRequest().get(k);
            Quantity ratio = limit.maxLimitRequestRatio().get(k);
            if (min != null && max != null && min.compareTo(max) > 0) {
                errors.add(FieldError.invalid(at + ".min[" + k + "]", min.toString(),
                        "min value " + min + " is greater than max value " + max));
            }
            if (req != null && min != null && min.compareTo(req) > 0) {
                errors.add(FieldError.invalid(at + ".defaultRequest[" + k + "]", req.toString(),
                        "min value " + min + " is greater than default request value " + req));
            }
            if (req != null && max != null && req.compareTo(max) > 0) {
                errors.add(FieldError.invalid(at + ".defaultRequest[" + k + "]", req.toString(),
                        "default request value " + req + " is greater than max value " + max));
            }
            if (req != null && def != null && req.compareTo(def) > 0) {
                errors.add(FieldError.invalid(at + ".defaultRequest[" + k + "]", req.toString(),
                        "default request value " + req + " is greater than default limit value " + def));
            }
            if (def != null && min != null && min.compareTo(def) > 0) {
                errors.add(FieldError.invalid(at + ".default[" + k + "]", min.toString(),
                        "min value " + min + " is greater than default value " + def));
            }
            if (def != null && max != null && def.compareTo(max) > 0) {
                errors.add(FieldError.invalid(at + ".default[" + k + "]", max.toString(),
                        "default value " + def + " is greater than max value " + max));
            }
            if (ratio != null && ratio.compareTo(Quantity.of("1")) < 0) {
                errors.add(FieldError.invalid(at + ".maxLimitRequestRatio[" + k + "]", ratio.toString(),
                        "ratio " + ratio + " is less than 1"));
            }
        }
        return errors;
    }
}
