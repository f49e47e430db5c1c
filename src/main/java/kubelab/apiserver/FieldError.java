package kubelab.apiserver;

/**
 * One validation failure at one field, as Kubernetes reports it:
 * {@code spec.containers[0].name: Required value}, or
 * {@code metadata.name: Invalid value: "Web_1": a lowercase RFC 1123 subdomain must ...}.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/util/validation/field.Error}.
 *
 * @param type     what kind of failure
 * @param field    the path, e.g. {@code spec.template.metadata.labels}
 * @param badValue the offending value, or null where the type takes none
 * @param detail   more words, or null
 */
public record FieldError(Type type, String field, Object badValue, String detail) {

    /** The error types and the words Kubernetes prints for them. */
    public enum Type {
        REQUIRED("FieldValueRequired", "Required value"),
        INVALID("FieldValueInvalid", "Invalid value"),
        DUPLICATE("FieldValueDuplicate", "Duplicate value"),
        NOT_SUPPORTED("FieldValueNotSupported", "Unsupported value"),
        FORBIDDEN("FieldValueForbidden", "Forbidden"),
        TOO_LONG("FieldValueTooLong", "Too long"),
        TOO_MANY("FieldValueTooMany", "Too many"),
        NOT_FOUND("FieldValueNotFound", "Not found"),
        INTERNAL("InternalError", "Internal error");

        private final String reason;
        private final String words;

        Type(String reason, String words) {
            this.reason = reason;
            this.words = words;
        }

        /** The {@code reason} of a Status cause, e.g. {@code FieldValueRequired}. */
        public String reason() {
            return reason;
        }

        public String words() {
            return words;
        }
    }

    public static FieldError required(String field, String detail) {
        return new FieldError(Type.REQUIRED, field, null, detail);
    }

    public static FieldError invalid(String field, Object value, String detail) {
        return new FieldError(Type.INVALID, field, value, detail);
    }

    public static FieldError duplicate(String field, Object value) {
        return new FieldError(Type.DUPLICATE, field, value, null);
    }

    public static FieldError notSupported(String field, Object value, java.util.Collection<String> valid) {
        String detail = valid == null || valid.isEmpty() ? null : "supported values: "
                + String.join(", ", valid.stream().map(v -> "\"" + v + "\"").toList());
        return new FieldError(Type.NOT_SUPPORTED, field, value, detail);
    }

    public static FieldError forbidden(String field, String detail) {
        return new FieldError(Type.FORBIDDEN, field, null, detail);
    }

    public static FieldError tooLong(String field, Object value, long max) {
        return new FieldError(Type.TOO_LONG, field, value, "may not be more than " + max + " bytes");
    }

    /** The message without the leading field path, as a Status cause carries it. */
    public String messageWithoutField() {
        StringBuilder sb = new StringBuilder(type.words());
        boolean showsValue = type == Type.INVALID || type == Type.DUPLICATE || type == Type.NOT_SUPPORTED;
        if (showsValue) {
            sb.append(": ").append(render(badValue));
        }
        if (detail != null && !detail.isEmpty()) {
            sb.append(": ").append(detail);
        }
        return sb.toString();
    }

    @Override
    public String toString() {
        return field + ": " + messageWithoutField();
    }

    private static String render(Object value) {
        if (value == null) {
            return "null";
        }
        if (value instanceof String s) {
            return "\"" + s + "\"";
        }
        return String.valueOf(value);
    }
}
