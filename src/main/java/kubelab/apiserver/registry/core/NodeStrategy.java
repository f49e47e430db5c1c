package kubelab.apiserver.registry.core;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kubelab.api.core.Node;
import kubelab.api.core.NodeSpec;
import kubelab.api.core.Taint;
import kubelab.api.labels.LabelValidation;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * Nodes: cluster-scoped, and the one kind whose status a create keeps, because the kubelet
 * registers its node with capacity, addresses and conditions in one request. Taints must have a
 * qualified key, a label value and a supported effect, and be unique by key and effect (Kubernetes
 * reports them under {@code metadata.taints}, a path kept as it prints it). Once set, the pod
 * CIDRs and the provider ID do not change. Nodes can be selected by {@code spec.unschedulable},
 * which is how {@code kubectl get nodes --field-selector spec.unschedulable=true} finds cordoned ones.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/node/strategy.go} and {@code ValidateNode} /
 * {@code ValidateNodeUpdate} in {@code pkg/apis/core/validation/validation.go}.
 */
public final class NodeStrategy implements Strategy<Node> {
    public static final String SPEC_UNSCHEDULABLE = "spec.unschedulable";
    private static final List<String> EFFECTS = List.of("NoSchedule", "PreferNoSchedule", "NoExecute");

    @Override
    public boolean keepsStatusOnCreate() {
        return true;
    }

    @Override
    public List<FieldError> validate(Node node) {
        List<FieldError> errors = new ArrayList<>();
        NodeSpec spec = node.spec();
        if (spec != null) {
            errors.addAll(taints(spec.taints()));
            for (int i = 0; i < spec.podCIDRs().size(); i++) {
                if (!isCidr(spec.podCIDRs().get(i))) {
                    errors.add(FieldError.invalid("spec.podCIDRs[" + i + "]", spec.podCIDRs().get(i),
                            "must be a valid CIDR value, (e.g. 10.9.8.0/24 or 2001:db8::/64)"));
                }
            }
        }
        if (node.status() != null) {
            errors.addAll(quantities(node.status().capacity(), "status.capacity."));
            errors.addAll(quantities(node.status().allocatable(), "status.allocatable."));
        }
        return errors;
    }

    /** Pod CIDRs and provider ID may be set once, from empty, never changed. */
    @Override
    public List<FieldError> validateUpdate(Node node, Node old) {
        List<FieldError> errors = new ArrayList<>(validate(node));
        NodeSpec spec = node.spec() == null ? NodeSpec.empty() : node.spec();
        NodeSpec before = old.spec() == null ? NodeSpec.empty() : old.spec();
        if (!before.podCIDRs().isEmpty() && !before.podCIDRs().equals(spec.podCIDRs())) {
            errors.add(FieldError.forbidden("spec.podCIDRs", "node updates may not change podCIDR except from \"\" to valid"));
        }
        if (before.providerID() != null && !before.providerID().isEmpty()
                && !before.providerID().equals(spec.providerID())) {
            errors.add(FieldError.forbidden("spec.providerID", "node updates may not change providerID except from \"\" to valid"));
        }
        if (!Objects.equals(spec.externalID(), before.externalID())) {
            errors.add(FieldError.forbidden("spec.externalID", "may not be updated"));
        }
        return errors;
    }

    private static List<FieldError> taints(List<Taint> taints) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < taints.size(); i++) {
            Taint t = taints.get(i);
            String at = "metadata.taints[" + i + "]";
            errors.addAll(LabelChecks.qualifiedName(t.key(), at + ".key"));
            String value = t.value() == null ? "" : t.value();
            List<String> valueErrors = LabelValidation.validateLabelValue(value);
            if (!valueErrors.isEmpty()) {
                errors.add(FieldError.invalid(at + ".value", value, String.join(";", valueErrors)));
            }
            String effect = t.effect() == null ? "" : t.effect();
            if (effect.isEmpty()) {
                errors.add(FieldError.required(at + ".effect", null));
            } else if (!EFFECTS.contains(effect)) {
                errors.add(FieldError.notSupported(at + ".effect", effect, EFFECTS));
            }
            if (!seen.add(effect + "\u0000" + t.key())) {
                errors.add(new FieldError(FieldError.Type.DUPLICATE, at, GoValue.struct("core.Taint",
                        "Key", GoValue.quote(t.key()), "Value", GoValue.quote(value), "Effect", GoValue.quote(effect),
                        "TimeAdded", t.timeAdded() == null ? "(*v1.Time)(nil)" : "(*v1.Time)(...)"),
                        "taints must be unique by key and effect pair"));
            }
        }
        return errors;
    }

    private static List<FieldError> quantities(Map<String, Quantity> resources, String prefix) {
        List<FieldError> errors = new ArrayList<>();
        resources.forEach((name, q) -> errors.addAll(FieldChecks.nonNegativeQuantity(q, prefix + name)));
        return errors;
    }

    private static boolean isCidr(String cidr) {
        int slash = cidr.indexOf('/');
        if (slash < 0 || !InetAddresses.isInetAddress(cidr.substring(0, slash))) {
            return false;
        }
        try {
            int bits = Integer.parseInt(cidr.substring(slash + 1));
            return bits >= 0 && bits <= (cidr.contains(":") ? 128 : 32);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(SPEC_UNSCHEDULABLE);
    }

    @Override
    public Map<String, String> selectableFields(Node node) {
        boolean unschedulable = node.spec() != null && Boolean.TRUE.equals(node.spec().unschedulable());
        return Map.of(SPEC_UNSCHEDULABLE, String.valueOf(unschedulable));
    }
}
