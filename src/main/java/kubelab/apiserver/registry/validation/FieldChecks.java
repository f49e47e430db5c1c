package kubelab.apiserver.registry.validation;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kubelab.api.meta.IntOrString;
import kubelab.api.resource.Quantity;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;

/**
 * Small field checks every kind uses, with the exact words Kubernetes prints: a count that must
 * not be negative, a field that may not change, a port number or name, a config key, a
 * percentage, an IP address.
 *
 * <p>Real Kubernetes: {@code ValidateNonnegativeField} and {@code ValidateImmutableField} in
 * {@code k8s.io/apimachinery/pkg/api/validation}, and {@code IsValidPortNum},
 * {@code IsValidPortName}, {@code IsConfigMapKey}, {@code IsValidPercent}, {@code IsValidIP} in
 * {@code k8s.io/apimachinery/pkg/util/validation/validation.go}.
 */
public final class FieldChecks {
    /** What a negative count gets. */
    public static final String NEGATIVE = "must be greater than or equal to 0";
    /** What a change to a fixed field gets. */
    public static final String IMMUTABLE = "field is immutable";

    private static final Pattern CONFIG_KEY = Pattern.compile("[-._a-zA-Z0-9]+");
    private static final Pattern PERCENT = Pattern.compile("[0-9]+%");
    private static final Pattern PORT_NAME_CHARSET = Pattern.compile("[-a-z0-9]+");
    private static final Pattern PORT_NAME_ONE_LETTER = Pattern.compile(".*[a-z].*");

    private FieldChecks() {
    }

    /** {@code <path>: Invalid value: -1: must be greater than or equal to 0}. */
    public static List<FieldError> nonNegative(Number value, String path) {
        if (value != null && value.longValue() < 0) {
            return List.of(FieldError.invalid(path, value.longValue(), NEGATIVE));
        }
        return List.of();
    }

    /**
     * {@code <path>: Invalid value: <new>: field is immutable} if the values differ; {@code shown}
     * is the new value as the error prints it.
     */
    public static List<FieldError> immutable(Object newValue, Object oldValue, String path, Object shown) {
        if (!Objects.equals(newValue, oldValue)) {
            return List.of(FieldError.invalid(path, shown, IMMUTABLE));
        }
        return List.of();
    }

    /** Problems with a port number; empty if it is in 1..65535. */
    public static List<String> portNum(int port) {
        return port >= 1 && port <= 65535 ? List.of() : List.of("must be between 1 and 65535, inclusive");
    }

    /** Problems with a port name (an IANA service name: at most 15 characters, a-z, 0-9 and '-'). */
    public static List<String> portName(String name) {
        List<String> errs = new ArrayList<>();
        if (NameValidation.byteLength(name) > 15) {
            errs.add(NameValidation.maxLenError(15));
        }
        if (!PORT_NAME_CHARSET.matcher(name).matches()) {
            errs.add("must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)");
        }
        if (!PORT_NAME_ONE_LETTER.matcher(name).matches()) {
            errs.add("must contain at least one letter (a-z)");
        }
        if (name.contains("--")) {
            errs.add("must not contain consecutive hyphens");
        }
        if (!name.isEmpty() && (name.startsWith("-") || name.endsWith("-"))) {
            errs.add("must not begin or end with a hyphen");
        }
        return errs;
    }

    /** A port given as a number or as a name, e.g. a Service's {@code targetPort}. */
    public static List<FieldError> portNumOrName(IntOrString port, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (port == null) {
            return errors;
        }
        if (port.isInt()) {
            for (String msg : portNum(port.intValue())) {
                errors.add(FieldError.invalid(path, port.intValue(), msg));
            }
        } else {
            for (String msg : portName(port.stringValue())) {
                errors.add(FieldError.invalid(path, port.stringValue(), msg));
            }
        }
        return errors;
    }

    /** Problems with a ConfigMap or Secret key: it becomes a file name, so no '/' and no '..'. */
    public static List<String> configMapKey(String key) {
        List<String> errs = new ArrayList<>();
        if (NameValidation.byteLength(key) > NameValidation.DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(NameValidation.maxLenError(NameValidation.DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!CONFIG_KEY.matcher(key).matches()) {
            errs.add(NameValidation.regexError("a valid config key must consist of alphanumeric characters, '-', '_' or '.'",
                    "[-._a-zA-Z0-9]+", "key.name", "KEY_NAME", "key-name"));
        }
        if (key.equals(".")) {
            errs.add("must not be '.'");
        } else if (key.equals("..")) {
            errs.add("must not be '..'");
        } else if (key.startsWith("..")) {
            errs.add("must not start with '..'");
        }
        return errs;
    }

    /** Problems with a percentage string such as {@code 25%}. */
    public static List<String> percent(String value) {
        if (PERCENT.matcher(value).matches()) {
            return List.of();
        }
        return List.of(NameValidation.regexError("a valid percent string must be a numeric string followed by an ending '%'",
                "[0-9]+%", "1%", "93%"));
    }

    /** A count or a percentage that must not be negative ({@code maxSurge}, {@code maxUnavailable}). */
    public static List<FieldError> positiveIntOrPercent(IntOrString value, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (value == null) {
            return errors;
        }
        if (value.isInt()) {
            errors.addAll(nonNegative(value.intValue(), path));
        } else {
            for (String msg : percent(value.stringValue())) {
                errors.add(FieldError.invalid(path, GoValue.intOrString(value), msg));
            }
        }
        return errors;
    }

    /** {@code <path>: Invalid value: ...: must not be greater than 100%} for a percentage above 100. */
    public static List<FieldError> notMoreThan100Percent(IntOrString value, String path) {
        if (value != null && !value.isInt() && percent(value.stringValue()).isEmpty()
                && intOrPercentValue(value) > 100) {
            return List.of(FieldError.invalid(path, GoValue.intOrString(value), "must not be greater than 100%"));
        }
        return List.of();
    }

    /** The number in {@code 25%} or {@code 3}; 0 for anything else, as Go's {@code IntValue} gives. */
    public static int intOrPercentValue(IntOrString value) {
        if (value == null) {
            return 0;
        }
        if (value.isInt()) {
            return value.intValue();
        }
        String s = value.stringValue();
        String digits = percent(s).isEmpty() ? s.substring(0, s.length() - 1) : s;
        try {
            return Integer.parseInt(digits);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    /** Problems with a name used as one URL path segment (RBAC names, references): not . or .., no / or %. */
    public static List<String> pathSegment(String name) {
        if (name.equals(".") || name.equals("..")) {
            return List.of("may not be '" + name + "'");
        }
        List<String> errs = new ArrayList<>();
        for (String bad : List.of("/", "%")) {
            if (name.contains(bad)) {
                errs.add("may not contain '" + bad + "'");
            }
        }
        return errs;
    }

    public static List<FieldError> dns1123Label(String value, String path) {
        return invalidEach(value, path, NameValidation.isDNS1123Label(value));
    }

    public static List<FieldError> dns1123Subdomain(String value, String path) {
        return invalidEach(value, path, NameValidation.isDNS1123Subdomain(value));
    }

    public static List<FieldError> dns1035Label(String value, String path) {
        return invalidEach(value, path, NameValidation.isDNS1035Label(value));
    }

    /** {@code <path>: Invalid value: "x": must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)}. */
    public static List<FieldError> ip(String value, String path) {
        if (value != null && InetAddresses.isInetAddress(value)) {
            return List.of();
        }
        return List.of(FieldError.invalid(path, value == null ? "" : value,
                "must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)"));
    }

    /**
     * An address Service traffic may be sent to: not 0.0.0.0 or ::, not loopback, not link-local
     * unicast or multicast ({@code ValidateNonSpecialIP}).
     */
    public static List<FieldError> nonSpecialIP(String ip, String path) {
        if (ip == null || !InetAddresses.isInetAddress(ip)) {
            return List.of(FieldError.invalid(path, ip == null ? "" : ip, "must be a valid IP address"));
        }
        InetAddress addr = InetAddresses.forString(ip);
        List<FieldError> errors = new ArrayList<>();
        if (addr.isAnyLocalAddress()) {
            errors.add(FieldError.invalid(path, ip, "may not be unspecified (" + ip + ")"));
        }
        if (addr.isLoopbackAddress()) {
            errors.add(FieldError.invalid(path, ip, "may not be in the loopback range (127.0.0.0/8, ::1/128)"));
        }
        if (addr.isLinkLocalAddress()) {
            errors.add(FieldError.invalid(path, ip, "may not be in the link-local range (169.254.0.0/16, fe80::/10)"));
        }
        byte[] b = addr.getAddress();
        boolean linkLocalMulticast = addr instanceof Inet4Address ? (b[0] & 0xff) == 224 && b[1] == 0 && b[2] == 0
                : (b[0] & 0xff) == 0xff && (b[1] & 0x0f) == 0x02;
        if (linkLocalMulticast) {
            errors.add(FieldError.invalid(path, ip, "may not be in the link-local multicast range (224.0.0.0/24, ff02::/10)"));
        }
        return errors;
    }

    /** {@code <path>: Invalid value: "-1": must be greater than or equal to 0} for a negative quantity. */
    public static List<FieldError> nonNegativeQuantity(Quantity q, String path) {
        if (q != null && q.signum() < 0) {
            return List.of(FieldError.invalid(path, q.toString(), NEGATIVE));
        }
        return List.of();
    }

    /** {@code <path>: Invalid value: "0": must be greater than zero} for a quantity that is not positive. */
    public static List<FieldError> positiveQuantity(Quantity q, String path) {
        if (q != null && q.signum() <= 0) {
            return List.of(FieldError.invalid(path, q.toString(), "must be greater than zero"));
        }
        return List.of();
    }

    private static List<FieldError> invalidEach(String value, String path, List<String> messages) {
        List<FieldError> errors = new ArrayList<>();
        for (String msg : messages) {
            errors.add(FieldError.invalid(path, value, msg));
        }
        return errors;
    }
}
