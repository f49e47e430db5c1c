package kubelab.api.core;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Checks and converts the base64 values of Secret {@code data} and ConfigMap {@code binaryData}.
 * The records keep the base64 text as it travels on the wire, so objects stay immutable and equal
 * by value (a {@code byte[]} is neither); these helpers give the bytes back.
 *
 * <p>Real Kubernetes: Go's {@code encoding/json} turns {@code []byte} into standard base64 and
 * back, failing to decode a manifest whose value is not valid base64.
 */
final class Base64Values {
    private Base64Values() {
    }

    /** A copy of {@code map}; fails, as decoding in Kubernetes does, on a value that is not base64. */
    static Map<String, String> checked(String field, Map<String, String> map) {
        map = Copies.map(map);
        for (Map.Entry<String, String> e : map.entrySet()) {
            if (e.getValue() != null) {
                try {
                    Base64.getDecoder().decode(e.getValue());
                } catch (IllegalArgumentException bad) {
                    throw new IllegalArgumentException(
                            field + "[" + e.getKey() + "]: illegal base64 data: " + bad.getMessage(), bad);
                }
            }
        }
        return map;
    }

    static Map<String, String> encode(Map<String, String> plain) {
        Map<String, String> encoded = new LinkedHashMap<>();
        plain.forEach((k, v) -> encoded.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        return encoded;
    }

    static byte[] decode(String base64) {
        return base64 == null ? null : Base64.getDecoder().decode(base64);
    }
}
