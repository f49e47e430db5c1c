package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Sensitive data for pods (passwords, tokens, TLS keys), given to them as environment variables
 * or files. Values in {@code data} are base64 text, exactly as in the manifest and on the wire;
 * {@link #bytes} and {@link #stringValue} decode them. {@code stringData} is a write-only
 * convenience: the API server moves its plain values into {@code data}. {@code type} (see
 * {@link SecretType}) says which keys must be present.
 *
 * <p>Base64 is an encoding, not encryption: anyone who may read the Secret reads its values.
 *
 * <p>Real Kubernetes: {@code corev1.Secret}.
 */
public record Secret(String apiVersion, String kind, ObjectMeta metadata, Boolean immutable,
                     Map<String, String> data, Map<String, String> stringData, String type) implements KubeObject {

    public static final String KIND = "Secret";

    public Secret {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        data = Base64Values.checked("data", data);
        stringData = Copies.map(stringData);
    }

    /**
     * A Secret of {@code type} whose {@code data} holds these text values, base64-encoded, as
     * {@code kubectl create secret generic --from-literal} makes.
     */
    public static Secret of(String namespace, String name, String type, Map<String, String> values) {
        return new Secret(null, null, ObjectMeta.of(namespace, name), null, Base64Values.encode(values), null, type);
    }

    /** The decoded bytes of a {@code data} key, or null if absent. */
    public byte[] bytes(String key) {
        return Base64Values.decode(data.get(key));
    }

    /** The decoded value of a {@code data} key as UTF-8 text, or null if absent. */
    public String stringValue(String key) {
        byte[] bytes = bytes(key);
        return bytes == null ? null : new String(bytes, StandardCharsets.UTF_8);
    }

    /**
     * This Secret as the API server stores it: {@code stringData} merged into {@code data}
     * (a stringData value wins over a data value of the same key) and then dropped.
     */
    public Secret withStringDataMerged() {
        if (stringData.isEmpty()) {
            return this;
        }
        Map<String, String> merged = new LinkedHashMap<>(data);
        merged.putAll(Base64Values.encode(stringData));
        return new Secret(apiVersion, kind, metadata, immutable, merged, null, type);
    }

    /** True if marked immutable: data can no longer be updated. */
    @JsonIgnore // derived, not a field of the object
    public boolean isImmutable() {
        return Boolean.TRUE.equals(immutable);
    }

    @Override
    public Secret withMetadata(ObjectMeta metadata) {
        return new Secret(apiVersion, kind, metadata, immutable, data, stringData, type);
    }

    public Secret withData(Map<String, String> data) {
        return new Secret(apiVersion, kind, metadata, immutable, data, stringData, type);
    }
}
