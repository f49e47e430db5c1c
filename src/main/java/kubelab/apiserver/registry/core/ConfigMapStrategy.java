package kubelab.apiserver.registry.core;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.core.ConfigMap;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;

/**
 * ConfigMaps: keys that can be file names in a volume (letters, digits, '-', '_', '.'; not
 * {@code ..}), no key in both {@code data} and {@code binaryData}, at most 1 MiB in all (the
 * whole object must fit in one etcd value), and once {@code immutable: true} is stored, neither
 * the data nor the flag may change: kubelets then stop watching it, which is the point.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/configmap/strategy.go} and {@code ValidateConfigMap}
 * / {@code ValidateConfigMapUpdate} in {@code pkg/apis/core/validation/validation.go}.
 */
public final class ConfigMapStrategy implements Strategy<ConfigMap> {
    /** The most bytes of data a ConfigMap or Secret may hold: 1 MiB. */
    public static final int MAX_SIZE = 1024 * 1024;
    static final String IMMUTABLE_DETAIL = "field is immutable when `immutable` is set";

    @Override
    public List<FieldError> validate(ConfigMap cm) {
        List<FieldError> errors = new ArrayList<>();
        long size = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(cm.data()).entrySet()) {
            String path = "data[" + e.getKey() + "]";
            for (String msg : FieldChecks.configMapKey(e.getKey())) {
                errors.add(FieldError.invalid(path, e.getKey(), msg));
            }
            if (cm.binaryData().containsKey(e.getKey())) {
                errors.add(FieldError.invalid(path, e.getKey(), "duplicate of key present in binaryData"));
            }
            size += e.getValue() == null ? 0 : e.getValue().getBytes(StandardCharsets.UTF_8).length;
        }
        for (Map.Entry<String, String> e : new TreeMap<>(cm.binaryData()).entrySet()) {
            for (String msg : FieldChecks.configMapKey(e.getKey())) {
                errors.add(FieldError.invalid("binaryData[" + e.getKey() + "]", e.getKey(), msg));
            }
            size += decodedLength(e.getValue());
        }
        if (size > MAX_SIZE) {
            // Kubernetes names the whole object with an empty path, which prints as "[]".
            errors.add(FieldError.tooLong("[]", null, MAX_SIZE));
        }
        return errors;
    }

    /** Once stored immutable, it stays immutable and its data stays as it is. */
    @Override
    public List<FieldError> validateUpdate(ConfigMap cm, ConfigMap old) {
        List<FieldError> errors = new ArrayList<>();
        if (old.isImmutable()) {
            if (!cm.isImmutable()) {
                errors.add(FieldError.forbidden("immutable", IMMUTABLE_DETAIL));
            }
            if (!cm.data().equals(old.data())) {
                errors.add(FieldError.forbidden("data", IMMUTABLE_DETAIL));
            }
            if (!cm.binaryData().equals(old.binaryData())) {
                errors.add(FieldError.forbidden("binaryData", IMMUTABLE_DETAIL));
            }
        }
        errors.addAll(validate(cm));
        return errors;
    }

    /** The number of bytes a base64 value stands for. */
    static long decodedLength(String base64) {
        return base64 == null ? 0 : Base64.getDecoder().decode(base64).length;
    }
}
