package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import kubelab.api.core.Secret;
import kubelab.api.core.SecretType;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;

/**
 * Secrets: {@code stringData} is moved into {@code data} as base64 before anything else (it is
 * write-only, never stored), the type defaults to Opaque, keys follow the ConfigMap key rules, the
 * data may hold at most 1 MiB, and each built-in type demands its keys ({@code tls.crt} and
 * {@code tls.key} for {@code kubernetes.io/tls}, well-formed {@code .dockerconfigjson} for
 * {@code kubernetes.io/dockerconfigjson}, ...). The type never changes; an immutable Secret's data
 * neither. Secrets can be selected by {@code type}.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/secret/strategy.go}, the v1 conversion of
 * {@code stringData}, {@code SetDefaults_Secret} and {@code ValidateSecret} / {@code ValidateSecretUpdate}.
 */
public final class SecretStrategy implements Strategy<Secret> {
    public static final String TYPE_FIELD = "type";
    public static final String SERVICE_ACCOUNT_NAME_KEY = "kubernetes.io/service-account.name";

    @Override
    public Secret applyDefaults(Secret secret) {
        Secret merged = secret.withStringDataMerged();
        if (merged.type() == null || merged.type().isEmpty()) {
            merged = new Secret(merged.apiVersion(), merged.kind(), merged.metadata(), merged.immutable(), merged.data(),
                    merged.stringData(), SecretType.OPAQUE);
        }
        return merged;
    }

    @Override
    public List<FieldError> validate(Secret secret) {
        List<FieldError> errors = new ArrayList<>();
        long size = 0;
        for (Map.Entry<String, String> e : new TreeMap<>(secret.data()).entrySet()) {
            for (String msg : FieldChecks.configMapKey(e.getKey())) {
                errors.add(FieldError.invalid("data[" + e.getKey() + "]", e.getKey(), msg));
            }
            size += ConfigMapStrategy.decodedLength(e.getValue());
        }
        if (size > ConfigMapStrategy.MAX_SIZE) {
            errors.add(FieldError.tooLong("data", "", ConfigMapStrategy.MAX_SIZE));
        }
        errors.addAll(typeRules(secret));
        return errors;
    }

    private static List<FieldError> typeRules(Secret secret) {
        Map<String, String> data = secret.data();
        String type = secret.type() == null ? "" : secret.type();
        switch (type) {
            case SecretType.SERVICE_ACCOUNT_TOKEN -> {
                String account = secret.metadata().annotations().get(SERVICE_ACCOUNT_NAME_KEY);
                if (account == null || account.isEmpty()) {
                    return List.of(FieldError.required("metadata.annotations[" + SERVICE_ACCOUNT_NAME_KEY + "]", null));
                }
            }
            case SecretType.DOCKERCFG -> {
                return jsonKey(secret, ".dockercfg");
            }
            case SecretType.DOCKER_CONFIG_JSON -> {
                return jsonKey(secret, ".dockerconfigjson");
            }
            case SecretType.BASIC_AUTH -> {
                if (!data.containsKey("username") && !data.containsKey("password")) {
                    return List.of(FieldError.required("data[username]", null), FieldError.required("data[password]", null));
                }
            }
            case SecretType.SSH_AUTH -> {
                byte[] key = secret.bytes("ssh-privatekey");
                if (key == null || key.length == 0) {
                    return List.of(FieldError.required("data[ssh-privatekey]", null));
                }
            }
            case SecretType.TLS -> {
                List<FieldError> errors = new ArrayList<>();
                if (!data.containsKey("tls.crt")) {
                    errors.add(FieldError.required("data[tls.crt]", null));
                }
                if (!data.containsKey("tls.key")) {
                    errors.add(FieldError.required("data[tls.key]", null));
                }
                return errors;
            }
            default -> {
            }
        }
        return List.of();
    }

    /** The key must be present and hold a JSON object; its contents are never echoed back. */
    private static List<FieldError> jsonKey(Secret secret, String key) {
        String path = "data[" + key + "]";
        String text = secret.stringValue(key);
        if (text == null) {
            return List.of(FieldError.required(path, null));
        }
        String problem = GoJson.unmarshalObjectError(text);
        return problem == null ? List.of() : List.of(FieldError.invalid(path, "<secret contents redacted>", problem));
    }

    /** The type never changes; an immutable Secret keeps its data and stays immutable. */
    @Override
    public List<FieldError> validateUpdate(Secret secret, Secret old) {
        List<FieldError> errors = new ArrayList<>();
        if (!Objects.equals(secret.type(), old.type())) {
            errors.add(FieldError.invalid("type", secret.type(), FieldChecks.IMMUTABLE));
        }
        if (old.isImmutable()) {
            if (!secret.isImmutable()) {
                errors.add(FieldError.forbidden("immutable", ConfigMapStrategy.IMMUTABLE_DETAIL));
            }
            if (!secret.data().equals(old.data())) {
                errors.add(FieldError.forbidden("data", ConfigMapStrategy.IMMUTABLE_DETAIL));
            }
        }
        errors.addAll(validate(secret));
        return errors;
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(TYPE_FIELD);
    }

    @Override
    public Map<String, String> selectableFields(Secret secret) {
        return Map.of(TYPE_FIELD, secret.type() == null ? "" : secret.type());
    }
}
