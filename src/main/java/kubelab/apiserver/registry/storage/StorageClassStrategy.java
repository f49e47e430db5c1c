package kubelab.apiserver.registry.storage;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;
import kubelab.api.storage.StorageClass;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * StorageClasses: cluster-scoped; reclaim policy Delete and binding mode Immediate unless said
 * otherwise; a provisioner (a qualified name, e.g. {@code kubernetes.io/no-provisioner}); and
 * once created, provisioner, parameters, reclaim policy and binding mode are fixed, since the
 * volumes already made from the class were made with them.
 *
 * <p>Real Kubernetes: {@code pkg/registry/storage/storageclass/strategy.go},
 * {@code SetDefaults_StorageClass} and {@code ValidateStorageClass} / {@code ValidateStorageClassUpdate}
 * in {@code pkg/apis/storage/validation/validation.go}.
 */
public final class StorageClassStrategy implements Strategy<StorageClass> {
    private static final int MAX_PARAMETERS = 512;
    private static final int MAX_PARAMETERS_SIZE = 256 * 1024;
    private static final List<String> RECLAIM = List.of("Delete", "Retain");
    private static final List<String> BINDING_MODES = List.of("Immediate", "WaitForFirstConsumer");

    @Override
    public StorageClass applyDefaults(StorageClass sc) {
        return JsonDefaults.apply(sc, StorageClass.class, tree -> {
            JsonDefaults.putIfAbsent(tree, "reclaimPolicy", "Delete");
            JsonDefaults.putIfAbsent(tree, "volumeBindingMode", "Immediate");
        });
    }

    @Override
    public List<FieldError> validate(StorageClass sc) {
        List<FieldError> errors = new ArrayList<>();
        String provisioner = sc.provisioner() == null ? "" : sc.provisioner();
        if (provisioner.isEmpty()) {
            errors.add(FieldError.required("provisioner", null));
        } else {
            errors.addAll(LabelChecks.qualifiedName(provisioner.toLowerCase(Locale.ROOT), "provisioner"));
        }
        errors.addAll(parameters(sc.parameters()));
        String reclaim = sc.reclaimPolicy() == null ? "" : sc.reclaimPolicy();
        if (!reclaim.isEmpty() && !RECLAIM.contains(reclaim)) {
            errors.add(FieldError.notSupported("reclaimPolicy", reclaim, RECLAIM));
        }
        if (sc.volumeBindingMode() == null) {
            errors.add(FieldError.required("volumeBindingMode", null));
        } else if (!BINDING_MODES.contains(sc.volumeBindingMode())) {
            errors.add(FieldError.notSupported("volumeBindingMode", sc.volumeBindingMode(), BINDING_MODES));
        }
        return errors;
    }

    private static List<FieldError> parameters(Map<String, String> params) {
        List<FieldError> errors = new ArrayList<>();
        if (params.size() > MAX_PARAMETERS) {
            errors.add(FieldError.tooLong("parameters", "Provisioner Parameters exceeded max allowed", MAX_PARAMETERS));
        }
        long size = 0;
        for (String key : new TreeSet<>(params.keySet())) {
            if (key.isEmpty()) {
                errors.add(FieldError.invalid("parameters", key, "field can not be empty."));
            }
            String value = params.get(key);
            size += key.getBytes(StandardCharsets.UTF_8).length
                    + (value == null ? 0 : value.getBytes(StandardCharsets.UTF_8).length);
        }
        if (size > MAX_PARAMETERS_SIZE) {
            errors.add(FieldError.tooLong("parameters", "", MAX_PARAMETERS_SIZE));
        }
        return errors;
    }

    /** What volumes were provisioned with stays as it was. */
    @Override
    public List<FieldError> validateUpdate(StorageClass sc, StorageClass old) {
        List<FieldError> errors = new ArrayList<>(validate(sc));
        if (!sc.parameters().equals(old.parameters())) {
            errors.add(FieldError.forbidden("parameters", "updates to parameters are forbidden."));
        }
        if (!Objects.equals(sc.provisioner(), old.provisioner())) {
            errors.add(FieldError.forbidden("provisioner", "updates to provisioner are forbidden."));
        }
        if (!Objects.equals(sc.reclaimPolicy(), old.reclaimPolicy())) {
            errors.add(FieldError.forbidden("reclaimPolicy", "updates to reclaimPolicy are forbidden."));
        }
        errors.addAll(FieldChecks.immutable(sc.volumeBindingMode(), old.volumeBindingMode(), "volumeBindingMode",
                sc.volumeBindingMode()));
        return errors;
    }
}
