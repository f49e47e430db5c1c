package kubelab.api.validation;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Checks on the DNS-shaped names Kubernetes uses everywhere: object names (RFC 1123 subdomains),
 * namespace and port-like names (RFC 1123 labels), Service names (RFC 1035 labels). Each check
 * returns the list of problems in Kubernetes' exact words, empty when the value is fine, so a
 * caller can wrap them in a field error ({@code metadata.name: Invalid value: "Web_1": ...}).
 *
 * <p>Lengths are counted in bytes, as Go's {@code len} does.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/util/validation/validation.go}.
 */
public final class NameValidation {
    /** Longest RFC 1123 label, e.g. a namespace name. */
    public static final int DNS1123_LABEL_MAX_LENGTH = 63;
    /** Longest RFC 1123 subdomain, e.g. most object names. */
    public static final int DNS1123_SUBDOMAIN_MAX_LENGTH = 253;
    /** Longest RFC 1035 label, e.g. a Service name. */
    public static final int DNS1035_LABEL_MAX_LENGTH = 63;

    public static final String DNS1123_LABEL_FMT = "[a-z0-9]([-a-z0-9]*[a-z0-9])?";
    public static final String DNS1123_SUBDOMAIN_FMT = DNS1123_LABEL_FMT + "(\\." + DNS1123_LABEL_FMT + ")*";
    public static final String DNS1035_LABEL_FMT = "[a-z]([-a-z0-9]*[a-z0-9])?";

    private static final String DNS1123_LABEL_ERR = "a lowercase RFC 1123 label must consist of lower case "
            + "alphanumeric characters or '-', and must start and end with an alphanumeric character";
    private static final String DNS1123_SUBDOMAIN_ERR = "a lowercase RFC 1123 subdomain must consist of lower case "
            + "alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
    private static final String DNS1035_LABEL_ERR = "a DNS-1035 label must consist of lower case alphanumeric "
            + "characters or '-', start with an alphabetic character, and end with an alphanumeric character";

    private static final Pattern DNS1123_LABEL = Pattern.compile(DNS1123_LABEL_FMT);
    private static final Pattern DNS1123_SUBDOMAIN = Pattern.compile(DNS1123_SUBDOMAIN_FMT);
    private static final Pattern DNS1035_LABEL = Pattern.compile(DNS1035_LABEL_FMT);

    private NameValidation() {
    }

    /** An RFC 1123 label: at most 63 bytes of {@code [a-z0-9-]}, alphanumeric at both ends. */
    public static List<String> isDNS1123Label(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_LABEL_MAX_LENGTH));
        }
        if (!DNS1123_LABEL.matcher(value).matches()) {
            // A valid subdomain that is not a valid label can only be wrong in its dots.
            errs.add(DNS1123_SUBDOMAIN.matcher(value).matches() ? "must not contain dots"
                    : regexError(DNS1123_LABEL_ERR, DNS1123_LABEL_FMT, "my-name", "123-abc"));
        }
        return errs;
    }

    /** An RFC 1123 subdomain: dot-separated labels, at most 253 bytes. */
    public static List<String> isDNS1123Subdomain(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1123_SUBDOMAIN_MAX_LENGTH) {
            errs.add(maxLenError(DNS1123_SUBDOMAIN_MAX_LENGTH));
        }
        if (!DNS1123_SUBDOMAIN.matcher(value).matches()) {
            errs.add(regexError(DNS1123_SUBDOMAIN_ERR, DNS1123_SUBDOMAIN_FMT, "example.com"));
        }
        return errs;
    }

    /** An RFC 1035 label: like an RFC 1123 label, but starting with a letter. */
    public static List<String> isDNS1035Label(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > DNS1035_LABEL_MAX_LENGTH) {
            errs.add(maxLenError(DNS1035_LABEL_MAX_LENGTH));
        }
        if (!DNS1035_LABEL.matcher(value).matches()) {
            errs.add(regexError(DNS1035_LABEL_ERR, DNS1035_LABEL_FMT, "my-name", "abc-123"));
        }
        return errs;
    }

    /** {@code must be no more than 63 characters}. */
    public static String maxLenError(int length) {
        return "must be no more than " + length + " characters";
    }

    /** {@code must be non-empty}. */
    public static String emptyError() {
        return "must be non-empty";
    }

    /**
     * A regular-expression failure in Kubernetes' shape:
     * {@code <msg> (e.g. 'a' or 'b', regex used for validation is '<fmt>')}.
     */
    public static String regexError(String msg, String fmt, String... examples) {
        if (examples.length == 0) {
            return msg + " (regex used for validation is '" + fmt + "')";
        }
        StringBuilder sb = new StringBuilder(msg).append(" (e.g. ");
        for (int i = 0; i < examples.length; i++) {
            if (i > 0) {
                sb.append(" or ");
            }
            sb.append('\'').append(examples[i]).append("', ");
        }
        return sb.append("regex used for validation is '").append(fmt).append("')").toString();
    }

    /** Length in UTF-8 bytes, which is what Go's {@code len} measures. */
    public static int byteLength(String value) {
        return value.getBytes(StandardCharsets.UTF_8).length;
    }
}
