package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.io.JsonEOFException;
import java.util.Map;
import kubelab.api.serialization.Json;

/**
 * Why text does not decode into a JSON object, in the words of Go's {@code encoding/json}, which
 * the API server passes on when a Secret's docker config is not JSON
 * ({@code invalid character 'o' in literal null (expecting 'u')}). The common cases are worded
 * exactly; a syntax error deep inside an object gets a shorter, generic text.
 *
 * <p>Real Kubernetes: {@code json.Unmarshal} in {@code ValidateSecret}.
 */
final class GoJson {
    private static final String TARGET = " into Go value of type map[string]interface {}";

    private GoJson() {
    }

    /** The error, or null if the text is a JSON object (or {@code null}, which Go accepts too). */
    static String unmarshalObjectError(String text) {
        String t = text.strip();
        if (t.isEmpty()) {
            return "unexpected end of JSON input";
        }
        char c = t.charAt(0);
        switch (c) {
            case 't', 'f', 'n' -> {
                String literal = c == 't' ? "true" : c == 'f' ? "false" : "null";
                for (int i = 1; i < literal.length(); i++) {
                    if (i >= t.length()) {
                        return "unexpected end of JSON input";
                    }
                    if (t.charAt(i) != literal.charAt(i)) {
                        return "invalid character '" + t.charAt(i) + "' in literal " + literal
                                + " (expecting '" + literal.charAt(i) + "')";
                    }
                }
                if (t.length() > literal.length()) {
                    return "invalid character '" + t.charAt(literal.length()) + "' after top-level value";
                }
                return c == 'n' ? null : "json: cannot unmarshal bool" + TARGET;
            }
            case '{' -> {
                try {
                    Json.mapper().readValue(t, Map.class);
                    return null;
                } catch (JsonEOFException e) {
                    return "unexpected end of JSON input";
                } catch (JsonProcessingException e) {
                    return "invalid character in JSON object";
                }
            }
            case '[' -> {
                return "json: cannot unmarshal array" + TARGET;
            }
            case '"' -> {
                return "json: cannot unmarshal string" + TARGET;
            }
            default -> {
                if (c == '-' || Character.isDigit(c)) {
                    return "json: cannot unmarshal number" + TARGET;
                }
                return "invalid character '" + c + "' looking for beginning of value";
            }
        }
    }
}
