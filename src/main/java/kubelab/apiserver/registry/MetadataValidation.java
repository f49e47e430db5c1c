package kubelab.apiserver.registry;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.ResourceType;
import kubelab.api.labels.LabelValidation;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;

/**
 * The checks every object's metadata must pass, whatever its kind: a name in the right form, a
 * namespace exactly when the kind is namespaced, well-formed labels and annotation keys, at most
 * 256 KiB of annotations, complete owner references with at most one controller.
 *
 * <p>Real Kubernetes: {@code ValidateObjectMeta} and {@code ValidateObjectMetaUpdate} in
 * {@code k8s.io/apimachinery/pkg/api/validation/objectmeta.go}.
 */
final class MetadataValidation {
    /** The most annotation bytes an object may carry (keys and values together). */
    static final int TOTAL_ANNOTATION_SIZE_LIMIT = 256 * 1024;

    private MetadataValidation() {
    }

    static List<FieldError> validate(ObjectMeta meta, ResourceType type, Strategy.NameRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (isEmpty(meta.name()) && isEmpty(meta.generateName())) {
            errors.add(FieldError.required("metadata.name", "name or generateName is required"));
        } else if (!isEmpty(meta.name())) {
            for (String msg : checkName(meta.name(), rule)) {
                errors.add(FieldError.invalid("metadata.name", meta.name(), msg));
            }
        }
        if (!isEmpty(meta.generateName())) {
            // A prefix may end in '-': the random suffix follows it.
            String prefix = meta.generateName().endsWith("-")
                    ? meta.generateName().substring(0, meta.generateName().length() - 1) : meta.generateName();
            for (String msg : checkName(prefix, rule)) {
                errors.add(FieldError.invalid("metadata.generateName", meta.generateName(), msg));
            }
        }
        if (type.namespaced()) {
            if (isEmpty(meta.namespace())) {
                errors.add(FieldError.required("metadata.namespace", null));
            } else {
                for (String msg : NameValidation.isDNS1123Label(meta.namespace())) {
                    errors.add(FieldError.invalid("metadata.namespace", meta.namespace(), msg));
                }
            }
        } else if (!isEmpty(meta.namespace())) {
            errors.add(FieldError.forbidden("metadata.namespace", "not allowed on this type"));
        }
        validateLabels(meta.labels(), errors);
        validateAnnotations(meta.annotations(), errors);
        validateOwnerReferences(meta.ownerReferences(), errors);
        for (int i = 0; i < meta.finalizers().size(); i++) {
            String f = meta.finalizers().get(i);
            for (String msg : LabelValidation.validateLabelKey(f)) {
                errors.add(FieldError.invalid("metadata.finalizers[" + i + "]", f, msg));
            }
        }
        return errors;
    }

    /**
     * Checks an update's metadata: what the client sent must not try to change the object's
     * identity, then the stored result must be valid.
     */
    static List<FieldError> validateUpdate(ObjectMeta sent, ObjectMeta updated, ObjectMeta old, ResourceType type,
                                           Strategy.NameRule rule) {
        List<FieldError> errors = new ArrayList<>();
        if (!isEmpty(sent.uid()) && !sent.uid().equals(old.uid())) {
            errors.add(FieldError.invalid("metadata.uid", sent.uid(), "field is immutable"));
        }
        if (sent.creationTimestamp() != null && !sent.creationTimestamp().equals(old.creationTimestamp())) {
            errors.add(FieldError.invalid("metadata.creationTimestamp", sent.creationTimestamp().toString(),
                    "field is immutable"));
        }
        errors.addAll(validate(updated, type, rule));
        return errors;
    }

    private static List<String> checkName(String name, Strategy.NameRule rule) {
        return switch (rule) {
            case DNS1123_SUBDOMAIN -> NameValidation.isDNS1123Subdomain(name);
            case DNS1123_LABEL -> NameValidation.isDNS1123Label(name);
            case DNS1035_LABEL -> NameValidation.isDNS1035Label(name);
            case PATH_SEGMENT -> kubelab.apiserver.registry.validation.FieldChecks.pathSegment(name);
        };
    }

    private static void validateLabels(Map<String, String> labels, List<FieldError> errors) {
        labels.forEach((k, v) -> {
            for (String msg : LabelValidation.validateLabelKey(k)) {
                errors.add(FieldError.invalid("metadata.labels", k, msg));
            }
            for (String msg : LabelValidation.validateLabelValue(v)) {
                errors.add(FieldError.invalid("metadata.labels", v, msg));
            }
        });
    }

    private static void validateAnnotations(Map<String, String> annotations, List<FieldError> errors) {
        long size = 0;
        for (Map.Entry<String, String> e : annotations.entrySet()) {
            for (String msg : LabelValidation.validateLabelKey(e.getKey().toLowerCase(java.util.Locale.ROOT))) {
                errors.add(FieldError.invalid("metadata.annotations", e.getKey(), msg));
            }
            size += e.getKey().getBytes(StandardCharsets.UTF_8).length
                    + (e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > TOTAL_ANNOTATION_SIZE_LIMIT) {
            errors.add(FieldError.tooLong("metadata.annotations", null, TOTAL_ANNOTATION_SIZE_LIMIT));
        }
    }

    private static void validateOwnerReferences(List<OwnerReference> refs, List<FieldError> errors) {
        int controllers = 0;
        for (OwnerReference ref : refs) {
            if (isEmpty(ref.apiVersion())) {
                errors.add(FieldError.invalid("metadata.ownerReferences.apiVersion", "", "version must not be empty"));
            }
            if (isEmpty(ref.kind())) {
                errors.add(FieldError.invalid("metadata.ownerReferences.kind", "", "kind must not be empty"));
            }
            if (isEmpty(ref.name())) {
                errors.add(FieldError.invalid("metadata.ownerReferences.name", "", "name must not be empty"));
            }
            if (isEmpty(ref.uid())) {
                errors.add(FieldError.invalid("metadata.ownerReferences.uid", "", "uid must not be empty"));
            }
            if (Boolean.TRUE.equals(ref.controller())) {
                controllers++;
            }
        }
        if (controllers > 1) {
            errors.add(FieldError.invalid("metadata.ownerReferences", controllers + " controllers",
                    "Only one reference can have Controller set to true"));
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
