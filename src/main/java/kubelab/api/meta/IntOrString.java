package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

/**
 * A field that takes a number or a string: a port ({@code 8080} or {@code "http"}), or a count or
 * a percentage ({@code 1} or {@code "25%"}). It prints back in the form it was given.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/util/intstr.IntOrString}.
 */
public record IntOrString(Integer intValue, String stringValue) {

    public IntOrString {
        if ((intValue == null) == (stringValue == null)) {
            throw new IllegalArgumentException("exactly one of intValue and stringValue must be set");
        }
    }

    public static IntOrString of(int value) {
        return new IntOrString(value, null);
    }

    public static IntOrString of(String value) {
        return new IntOrString(null, value);
    }

    @JsonCreator
    static IntOrString fromJson(Object value) {
        if (value instanceof Number n) {
            return of(n.intValue());
        }
        return of(String.valueOf(value));
    }

    @JsonValue
    Object toJson() {
        return isInt() ? intValue : stringValue;
    }

    public boolean isInt() {
        return intValue != null;
    }

    /**
     * The value scaled against a total: an int as it is, {@code "25%"} as 25% of {@code total},
     * rounded up or down as asked (a Deployment rounds maxSurge up and maxUnavailable down).
     *
     * @throws IllegalArgumentException for a string that is neither a percentage nor a number
     */
    public int scaledValue(int total, boolean roundUp) {
        if (isInt()) {
            return intValue;
        }
        if (!stringValue.endsWith("%")) {
            throw new IllegalArgumentException("invalid value for IntOrString: invalid type: string is not a percentage");
        }
        int percent = Integer.parseInt(stringValue.substring(0, stringValue.length() - 1));
        long scaled = (long) percent * total;
        return (int) (roundUp ? -Math.floorDiv(-scaled, 100) : Math.floorDiv(scaled, 100));
    }

    @Override
    public String toString() {
        return String.valueOf(toJson());
    }
}
