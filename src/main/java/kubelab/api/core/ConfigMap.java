package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Configuration for pods as key-value pairs: UTF-8 text in {@code data}, other bytes as base64
 * text in {@code binaryData} (keys may not repeat across the two). Pods read it as environment
 * variables or as files of a volume. With {@code immutable: true} the data can no longer change.
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMap}; the total size limit of 1 MiB is checked in validation.
 */
public record ConfigMap(String apiVersion, String kind, ObjectMeta metadata, Boolean immutable,
                        Map<String, String> data, Map<String, String> binaryData) implements KubeObject {

    public static final String KIND = "ConfigMap";

    public ConfigMap {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        data = Copies.map(data);
        binaryData = Base64Values.checked("binaryData", binaryData);
    }

    /** A ConfigMap of text values, as {@code kubectl create configmap --from-literal} makes. */
    public static ConfigMap of(String namespace, String name, Map<String, String> data) {
        return new ConfigMap(null, null, ObjectMeta.of(namespace, name), null, data, null);
    }

    /** The bytes of a {@code binaryData} key, or null if absent. */
    public byte[] binaryValue(String key) {
        return Base64Values.decode(binaryData.get(key));
    }

    /** True if marked immutable: data and binaryData can no longer be updated. */
    @JsonIgnore // derived, not a field of the object
    public boolean isImmutable() {
        return Boolean.TRUE.equals(immutable);
    }

    @Override
    public ConfigMap withMetadata(ObjectMeta metadata) {
        return new ConfigMap(apiVersion, kind, metadata, immutable, data, binaryData);
    }

    public ConfigMap withData(Map<String, String> data) {
        return new ConfigMap(apiVersion, kind, metadata, immutable, data, binaryData);
    }
}
