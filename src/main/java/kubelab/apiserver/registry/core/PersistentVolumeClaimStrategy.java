package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.core.PersistentVolumeClaim;
import kubelab.api.core.PersistentVolumeClaimPhase;
import kubelab.api.core.PersistentVolumeClaimSpec;
import kubelab.api.core.PersistentVolumeClaimStatus;
import kubelab.api.core.VolumeResourceRequirements;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * PersistentVolumeClaims: volume mode Filesystem unless said otherwise, phase Pending from
 * creation until the binder binds it; at least one access mode and a positive storage request.
 * After creation a claim is fixed, so that quota and limit ranges cannot be gamed: only the
 * storage request of a bound claim may grow (expansion) and {@code volumeName} may be set once,
 * by the binder.
 *
 * <p>The spec-immutable error is Kubernetes' first line; Kubernetes appends a diff of the two
 * specs after it, which is left out here.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/persistentvolumeclaim/strategy.go},
 * {@code SetDefaults_PersistentVolumeClaim} and {@code ValidatePersistentVolumeClaimSpec} /
 * {@code ValidatePersistentVolumeClaimUpdate}.
 */
public final class PersistentVolumeClaimStrategy implements Strategy<PersistentVolumeClaim> {

    @Override
    public PersistentVolumeClaim applyDefaults(PersistentVolumeClaim pvc) {
        return JsonDefaults.apply(pvc, PersistentVolumeClaim.class, tree ->
                JsonDefaults.putIfAbsent(JsonDefaults.object(tree, "spec"), "volumeMode", "Filesystem"));
    }

    /** Pending: no volume yet. (Kubernetes clears the status, and its read-back defaulting says Pending.) */
    @Override
    public PersistentVolumeClaim prepareForCreate(PersistentVolumeClaim pvc) {
        return pvc.withStatus(PersistentVolumeClaimStatus.phase(PersistentVolumeClaimPhase.PENDING));
    }

    @Override
    public List<FieldError> validate(PersistentVolumeClaim pvc) {
        return validateSpec(pvc.spec(), "spec");
    }

    /** The rules of a claim spec at {@code path}; StatefulSet claim templates follow them too. */
    static List<FieldError> validateSpec(PersistentVolumeClaimSpec spec, String path) {
        if (spec == null) {
            return List.of(FieldError.required(path, null));
        }
        List<FieldError> errors = new ArrayList<>(PersistentVolumeStrategy.accessModes(spec.accessModes(),
                path + ".accessModes", "at least 1 access mode is required"));
        errors.addAll(LabelChecks.labelSelector(spec.selector(), path + ".selector"));
        Map<String, Quantity> requests = spec.resources() == null ? Map.of() : spec.resources().requests();
        Quantity storage = requests.get("storage");
        String storagePath = path + ".resources[storage]";
        if (storage == null) {
            errors.add(FieldError.required(storagePath, null));
        } else {
            errors.addAll(FieldChecks.positiveQuantity(storage, storagePath));
        }
        if (spec.storageClassName() != null && !spec.storageClassName().isEmpty()) {
            errors.addAll(FieldChecks.dns1123Subdomain(spec.storageClassName(), path + ".storageClassName"));
        }
        if (spec.volumeMode() != null && !PersistentVolumeStrategy.VOLUME_MODES.contains(spec.volumeMode())) {
            errors.add(FieldError.notSupported(path + ".volumeMode", spec.volumeMode(), PersistentVolumeStrategy.VOLUME_MODES));
        }
        if (spec.dataSource() != null) {
            String at = path + ".dataSource";
            if (spec.dataSource().name() == null || spec.dataSource().name().isEmpty()) {
                errors.add(FieldError.required(at + ".name", null));
            }
            if (spec.dataSource().kind() == null || spec.dataSource().kind().isEmpty()) {
                errors.add(FieldError.required(at + ".kind", null));
            }
        }
        return errors;
    }

    /** Fixed after creation, but for a bound claim's storage request and the one-time volumeName. */
    @Override
    public List<FieldError> validateUpdate(PersistentVolumeClaim pvc, PersistentVolumeClaim old) {
        List<FieldError> errors = new ArrayList<>(validate(pvc));
        PersistentVolumeClaimSpec spec = pvc.spec();
        PersistentVolumeClaimSpec before = old.spec();
        if (spec == null || before == null) {
            return errors;
        }
        ObjectNode now = (ObjectNode) Json.toTree(spec);
        ObjectNode was = (ObjectNode) Json.toTree(before);
        if (before.volumeName() == null || before.volumeName().isEmpty()) {
            now.remove("volumeName"); // the binder may set it, once
            was.remove("volumeName");
        }
        boolean bound = pvc.status() != null && PersistentVolumeClaimPhase.BOUND.equals(pvc.status().phase());
        if (bound) {
            storageOf(now).set("storage", storageOf(was).get("storage"));
        }
        now.remove("volumeAttributesClassName");
        was.remove("volumeAttributesClassName");
        if (!now.equals(was)) {
            errors.add(FieldError.forbidden("spec",
                    "spec is immutable after creation except resources.requests and volumeAttributesClassName for bound claims"));
        }
        Quantity newSize = requestOf(spec.resources());
        Quantity oldSize = requestOf(before.resources());
        if (newSize != null && oldSize != null && newSize.compareTo(oldSize) < 0) {
            Quantity capacity = old.status() == null ? null : old.status().capacity().get("storage");
            if (capacity == null || newSize.compareTo(capacity) <= 0) {
                errors.add(FieldError.forbidden("spec.resources.requests.storage", "field can not be less than status.capacity"));
            }
        }
        if (!Objects.equals(spec.volumeMode(), before.volumeMode())) {
            errors.add(FieldError.invalid("volumeMode", spec.volumeMode(), FieldChecks.IMMUTABLE)); // sic: no "spec."
        }
        return errors;
    }

    private static ObjectNode storageOf(ObjectNode spec) {
        return JsonDefaults.object(JsonDefaults.object(spec, "resources"), "requests");
    }

    private static Quantity requestOf(VolumeResourceRequirements resources) {
        return resources == null ? null : resources.requests().get("storage");
    }
}
