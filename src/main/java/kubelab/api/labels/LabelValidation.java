package kubelab.api.labels;

import static kubelab.api.validation.NameValidation.byteLength;
import static kubelab.api.validation.NameValidation.emptyError;
import static kubelab.api.validation.NameValidation.maxLenError;
import static kubelab.api.validation.NameValidation.regexError;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.regex.Pattern;
import kubelab.api.validation.NameValidation;

/**
 * The syntax of label keys and values, with Kubernetes' exact messages.
 *
 * <ul>
 *   <li>A key is a "qualified name": an optional DNS subdomain prefix and {@code /}, then a name of
 *       at most 63 characters that starts and ends with an alphanumeric character and has
 *       {@code -}, {@code _} or {@code .} in between ({@code app.kubernetes.io/name}).</li>
 *   <li>A value is empty or follows the same rule as the name part.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code IsQualifiedName} and {@code IsValidLabelValue} in
 * {@code k8s.io/apimachinery/pkg/util/validation}.
 */
public final class LabelValidation {
    public static final int QUALIFIED_NAME_MAX_LENGTH = 63;
    public static final int LABEL_VALUE_MAX_LENGTH = 63;

    public static final String QUALIFIED_NAME_FMT = "([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]";
    public static final String LABEL_VALUE_FMT = "(" + QUALIFIED_NAME_FMT + ")?";

    private static final String QUALIFIED_NAME_ERR = "must consist of alphanumeric characters, '-', '_' or '.', "
            + "and must start and end with an alphanumeric character";
    private static final String LABEL_VALUE_ERR = "a valid label must be an empty string or consist of alphanumeric "
            + "characters, '-', '_' or '.', and must start and end with an alphanumeric character";

    private static final Pattern QUALIFIED_NAME = Pattern.compile(QUALIFIED_NAME_FMT);
    private static final Pattern LABEL_VALUE = Pattern.compile(LABEL_VALUE_FMT);

    private LabelValidation() {
    }

    /** Problems with a label key (a qualified name); empty if it is valid. */
    public static List<String> validateLabelKey(String key) {
        List<String> errs = new ArrayList<>();
        String[] parts = key.split("/", -1);
        String name;
        if (parts.length == 1) {
            name = parts[0];
        } else if (parts.length == 2) {
            String prefix = parts[0];
            name = parts[1];
            if (prefix.isEmpty()) {
                errs.add("prefix part " + emptyError());
            } else {
                for (String msg : NameValidation.isDNS1123Subdomain(prefix)) {
                    errs.add("prefix part " + msg);
                }
            }
        } else {
            errs.add("a qualified name " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc")
                    + " with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')");
            return errs;
        }
        if (name.isEmpty()) {
            errs.add("name part " + emptyError());
        } else if (byteLength(name) > QUALIFIED_NAME_MAX_LENGTH) {
            errs.add("name part " + maxLenError(QUALIFIED_NAME_MAX_LENGTH));
        }
        if (!QUALIFIED_NAME.matcher(name).matches()) {
            errs.add("name part " + regexError(QUALIFIED_NAME_ERR, QUALIFIED_NAME_FMT, "MyName", "my.name", "123-abc"));
        }
        return errs;
    }

    /** Problems with a label value; empty if it is valid (the empty string is). */
    public static List<String> validateLabelValue(String value) {
        List<String> errs = new ArrayList<>();
        if (byteLength(value) > LABEL_VALUE_MAX_LENGTH) {
            errs.add(maxLenError(LABEL_VALUE_MAX_LENGTH));
        }
        if (!LABEL_VALUE.matcher(value).matches()) {
            errs.add(regexError(LABEL_VALUE_ERR, LABEL_VALUE_FMT, "MyValue", "my_value", "12345"));
        }
        return errs;
    }

    /**
     * One field error as Kubernetes prints it: {@code <path>: Invalid value: <value>: <detail>},
     * the value quoted if it is a string and shown as JSON if it is a list.
     */
    static String invalid(String path, Object value, String detail) {
        return path + ": Invalid value: " + render(value) + ": " + detail;
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            return quote(s);
        }
        if (value instanceof Collection<?> c) {
            List<String> items = new ArrayList<>();
            for (Object o : c) {
                items.add(quote(String.valueOf(o)));
            }
            return "[" + String.join(",", items) + "]";
        }
        return String.valueOf(value);
    }

    /** A double-quoted string with escapes, as Go's {@code %q} writes it (error messages quote values so). */
    public static String quote(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char c : s.toCharArray()) {
            switch (c) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                case '\n' -> sb.append("\\n");
                case '\t' -> sb.append("\\t");
                case '\r' -> sb.append("\\r");
                default -> {
                    if (c < 0x20 || c == 0x7f) {
                        sb.append(String.format("\\x%02x", (int) c));
                    } else {
                        sb.append(c);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }
}
