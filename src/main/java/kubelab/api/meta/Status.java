package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * The shape of every error the API returns (and of a successful delete of something that is gone
 * at once): {@code status: Failure}, a human {@code message}, a machine {@code reason}, the HTTP
 * {@code code}, and {@code details} naming the object and, for validation errors, each bad field.
 *
 * <p>kubectl prints it as {@code Error from server (<reason>): <message>}.
 *
 * <p>Real Kubernetes: {@code metav1.Status}, built by {@code k8s.io/apimachinery/pkg/api/errors}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record Status(
        String apiVersion,
        String kind,
        ListMeta metadata,
        String status,
        String message,
        String reason,
        Details details,
        Integer code) {

    public static final String SUCCESS = "Success";
    public static final String FAILURE = "Failure";

    public Status {
        apiVersion = apiVersion == null ? "v1" : apiVersion;
        kind = kind == null ? "Status" : kind;
        metadata = metadata == null ? new ListMeta(null, null, null) : metadata;
    }

    /** A failure with this code, reason and message, and optional details. */
    public static Status failure(int code, String reason, String message, Details details) {
        return new Status(null, null, null, FAILURE, message, reason, details, code);
    }

    /** A success, as DELETE answers when the object is gone at once. */
    public static Status success(Details details) {
        return new Status(null, null, null, SUCCESS, null, null, details, 200);
    }

    /** What the error is about: the object, and for {@code Invalid} the field-level causes. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Details(String name, String group, String kind, String uid, List<Cause> causes,
                          Integer retryAfterSeconds) {
        public Details {
            causes = causes == null ? List.of() : List.copyOf(causes);
        }
    }

    /**
     * One reason for a failure: {@code reason} is a cause type such as {@code FieldValueRequired},
     * {@code field} the path of the offending field such as {@code spec.containers[0].name}.
     */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record Cause(String reason, String message, String field) {
    }
}
