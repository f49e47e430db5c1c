package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerPort;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.Volume;
import kubelab.api.core.VolumeMount;
import kubelab.api.resource.Quantity;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * The rules a pod spec must follow, with Kubernetes' field paths and words: at least one
 * container; container names unique across init and app containers and valid DNS labels; an
 * image for every container; a supported restart policy; unique volume names; mounts that name
 * a volume of the pod; ports in range; requests no larger than limits. A pod template is checked
 * by the same rules under its own path ({@code spec.template.spec}).
 *
 * <p>Real Kubernetes: {@code ValidatePodSpec} and friends in {@code pkg/apis/core/validation/validation.go}.
 */
public final class PodValidation {
    private static final List<String> RESTART_POLICIES = List.of("Always", "OnFailure", "Never");

    private PodValidation() {
    }

    public static List<FieldError> validatePod(Pod pod) {
        if (pod.spec() == null) {
            return List.of(FieldError.required("spec", null));
        }
        return validatePodSpec(pod.spec(), "spec");
    }

    /** A pod update may change only images and a few scheduling fields; the spec is otherwise fixed. */
    public static List<FieldError> validatePodUpdate(Pod pod, Pod old) {
        List<FieldError> errors = new ArrayList<>(validatePod(pod));
        if (old.spec() != null && pod.spec() != null && !mutableFieldsOnly(pod.spec(), old.spec())) {
            errors.add(FieldError.forbidden("spec", "pod updates may not change fields other than "
                    + "`spec.containers[*].image`,`spec.initContainers[*].image`,`spec.activeDeadlineSeconds`,"
                    + "`spec.tolerations` (only additions to existing tolerations),"
                    + "`spec.terminationGracePeriodSeconds` (allow it to be set to 1 if it was previously negative)"));
        }
        return errors;
    }

    /** True if the specs differ at most in images, the active deadline, tolerations and the node. */
    private static boolean mutableFieldsOnly(PodSpec spec, PodSpec old) {
        return withoutMutable(spec).equals(withoutMutable(old));
    }

    private static com.fasterxml.jackson.databind.JsonNode withoutMutable(PodSpec spec) {
        var tree = (com.fasterxml.jackson.databind.node.ObjectNode) kubelab.api.serialization.Json.toTree(spec);
        tree.remove(List.of("activeDeadlineSeconds", "tolerations", "nodeName"));
        for (String list : List.of("containers", "initContainers")) {
            for (var c : tree.path(list)) {
                ((com.fasterxml.jackson.databind.node.ObjectNode) c).remove("image");
            }
        }
        return tree;
    }

    /**
     * Checks a pod template under {@code path} (e.g. {@code spec.template}): its labels and
     * annotation keys (at {@code <path>.labels} and {@code <path>.annotations}, as Kubernetes names
     * them, without {@code metadata}), then its spec. A template may not carry ephemeral containers.
     */
    public static List<FieldError> validatePodTemplateSpec(PodTemplateSpec template, String path) {
        if (template == null || template.spec() == null) {
            return List.of(FieldError.required(path + ".spec", null));
        }
        List<FieldError> errors = new ArrayList<>();
        if (template.metadata() != null) {
            errors.addAll(LabelChecks.labels(template.metadata().labels(), path + ".labels"));
            for (String key : new java.util.TreeSet<>(template.metadata().annotations().keySet())) {
                for (String msg : kubelab.api.labels.LabelValidation.validateLabelKey(key.toLowerCase(java.util.Locale.ROOT))) {
                    errors.add(FieldError.invalid(path + ".annotations", key, msg));
                }
            }
        }
        errors.addAll(validatePodSpec(template.spec(), path + ".spec"));
        if (!template.spec().ephemeralContainers().isEmpty()) {
            errors.add(FieldError.forbidden(path + ".spec.ephemeralContainers",
                    "ephemeral containers not allowed in pod template"));
        }
        return errors;
    }

    public static List<FieldError> validatePodSpec(PodSpec spec, String path) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> volumes = validateVolumes(spec.volumes(), path + ".volumes", errors);
        if (spec.containers().isEmpty()) {
            errors.add(FieldError.required(path + ".containers", null));
        }
        Set<String> names = new HashSet<>();
        validateContainers(spec.initContainers(), path + ".initContainers", names, volumes, errors);
        validateContainers(spec.containers(), path + ".containers", names, volumes, errors);
        if (spec.restartPolicy() != null && !RESTART_POLICIES.contains(spec.restartPolicy())) {
            errors.add(FieldError.notSupported(path + ".restartPolicy", spec.restartPolicy(), RESTART_POLICIES));
        }
        if (spec.terminationGracePeriodSeconds() != null && spec.terminationGracePeriodSeconds() < 0) {
            errors.add(FieldError.invalid(path + ".terminationGracePeriodSeconds", spec.terminationGracePeriodSeconds(),
                    "must be greater than or equal to 0"));
        }
        return errors;
    }

    private static Set<String> validateVolumes(List<Volume> volumes, String path, List<FieldError> errors) {
        Set<String> names = new HashSet<>();
        for (int i = 0; i < volumes.size(); i++) {
            String name = volumes.get(i).name();
            String at = path + "[" + i + "].name";
            if (name == null || name.isEmpty()) {
                errors.add(FieldError.required(at, null));
                continue;
            }
            for (String msg : NameValidation.isDNS1123Label(name)) {
                errors.add(FieldError.invalid(at, name, msg));
            }
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(at, name));
            }
        }
        return names;
    }

    private static void validateContainers(List<Container> containers, String path, Set<String> names,
                                           Set<String> volumes, List<FieldError> errors) {
        for (int i = 0; i < containers.size(); i++) {
            Container c = containers.get(i);
            String at = path + "[" + i + "]";
            if (c.name() == null || c.name().isEmpty()) {
                errors.add(FieldError.required(at + ".name", null));
            } else {
                for (String msg : NameValidation.isDNS1123Label(c.name())) {
                    errors.add(FieldError.invalid(at + ".name", c.name(), msg));
                }
                if (!names.add(c.name())) {
                    errors.add(FieldError.duplicate(at + ".name", c.name()));
                }
            }
            if (c.image() == null || c.image().isBlank()) {
                errors.add(FieldError.required(at + ".image", null));
            }
            validatePorts(c.ports(), at + ".ports", errors);
            validateMounts(c.volumeMounts(), at + ".volumeMounts", volumes, errors);
            validateResources(c, at + ".resources", errors);
        }
    }

    private static void validatePorts(List<ContainerPort> ports, String path, List<FieldError> errors) {
        for (int i = 0; i < ports.size(); i++) {
            Integer port = ports.get(i).containerPort();
            String at = path + "[" + i + "].containerPort";
            if (port == null) {
                errors.add(FieldError.required(at, null));
            } else if (port < 1 || port > 65535) {
                errors.add(FieldError.invalid(at, port, "must be between 1 and 65535, inclusive"));
            }
        }
    }

    private static void validateMounts(List<VolumeMount> mounts, String path, Set<String> volumes,
                                       List<FieldError> errors) {
        for (int i = 0; i < mounts.size(); i++) {
            VolumeMount m = mounts.get(i);
            String at = path + "[" + i + "]";
            if (m.name() == null || m.name().isEmpty()) {
                errors.add(FieldError.required(at + ".name", null));
            } else if (!volumes.contains(m.name())) {
                errors.add(new FieldError(FieldError.Type.NOT_FOUND, at + ".name", m.name(), null));
            }
            if (m.mountPath() == null || m.mountPath().isEmpty()) {
                errors.add(FieldError.required(at + ".mountPath", null));
            }
        }
    }

    private static void validateResources(Container c, String path, List<FieldError> errors) {
        if (c.resources() == null) {
            return;
        }
        Map<String, Quantity> limits = c.resources().limits();
        for (Map.Entry<String, Quantity> e : c.resources().requests().entrySet()) {
            Quantity limit = limits.get(e.getKey());
            if (e.getValue().signum() < 0) {
                errors.add(FieldError.invalid(path + ".requests[" + e.getKey() + "]", e.getValue().toString(),
                        "must be greater than or equal to 0"));
            }
            if (limit != null && e.getValue().compareTo(limit) > 0) {
                errors.add(FieldError.invalid(path + ".requests", e.getValue().toString(),
                        "must be less than or equal to " + e.getKey() + " limit of " + limit));
            }
        }
        for (Map.Entry<String, Quantity> e : limits.entrySet()) {
            if (e.getValue().signum() < 0) {
                errors.add(FieldError.invalid(path + ".limits[" + e.getKey() + "]", e.getValue().toString(),
                        "must be greater than or equal to 0"));
            }
        }
    }
}
