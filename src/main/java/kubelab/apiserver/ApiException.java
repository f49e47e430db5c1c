package kubelab.apiserver;

import java.util.List;
import java.util.stream.Collectors;
import kubelab.api.meta.Status;

/**
 * An API error, carrying the {@link Status} the server answers with. Every failure of a request,
 * in process or over HTTP, is one of these; the factory methods build the messages Kubernetes
 * prints, word for word, so that what a learner sees here is what kubectl shows them elsewhere.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/api/errors}.
 */
public final class ApiException extends RuntimeException {
    private final transient Status status;

    public ApiException(Status status) {
        super(status.message(), null, false, false);
        this.status = status;
    }

    public Status status() {
        return status;
    }

    public int code() {
        return status.code();
    }

    public String reason() {
        return status.reason();
    }

    /** The same error with one more cause in its details, as some admission plug-ins add. */
    public ApiException withCause(Status.Cause cause) {
        Status.Details d = status.details() == null
                ? new Status.Details(null, null, null, null, null, null) : status.details();
        java.util.List<Status.Cause> causes = new java.util.ArrayList<>(d.causes());
        causes.add(cause);
        Status.Details nd = new Status.Details(d.name(), d.group(), d.kind(), d.uid(), causes, d.retryAfterSeconds());
        return new ApiException(new Status(status.apiVersion(), status.kind(), status.metadata(), status.status(),
                status.message(), status.reason(), nd, status.code()));
    }

    /** Whether the details carry a cause of this type, e.g. {@code NamespaceTerminating}. */
    public boolean hasCause(String causeType) {
        return status.details() != null
                && status.details().causes().stream().anyMatch(c -> causeType.equals(c.reason()));
    }

    /** {@code pods "web" not found}. */
    public static ApiException notFound(String group, String resource, String name) {
        return new ApiException(Status.failure(404, "NotFound",
                qualified(group, resource) + " \"" + name + "\" not found",
                new Status.Details(name, group, resource, null, null, null)));
    }

    /** {@code pods "web" already exists}. */
    public static ApiException alreadyExists(String group, String resource, String name) {
        return new ApiException(Status.failure(409, "AlreadyExists",
                qualified(group, resource) + " \"" + name + "\" already exists",
                new Status.Details(name, group, resource, null, null, null)));
    }

    /** The optimistic-concurrency failure: the caller must re-read and retry. */
    public static ApiException conflict(String group, String resource, String name, String why) {
        return new ApiException(Status.failure(409, "Conflict",
                "Operation cannot be fulfilled on " + qualified(group, resource) + " \"" + name + "\": " + why,
                new Status.Details(name, group, resource, null, null, null)));
    }

    /** The message Kubernetes gives for a stale resourceVersion. */
    public static final String MODIFIED =
            "the object has been modified; please apply your changes to the latest version and try again";

    /** {@code Pod "web" is invalid: [spec.containers: Required value, ...]}; {@code Deployment.apps "web" ...}. */
    public static ApiException invalid(String group, String kind, String name, List<FieldError> errors) {
        String list = errors.stream().map(FieldError::toString).collect(Collectors.joining(", "));
        // Kubernetes names the kind with its group: Pod, but Deployment.apps.
        String qualifiedKind = group == null || group.isEmpty() ? kind : kind + "." + group;
        String message = qualifiedKind + " \"" + name + "\" is invalid: " + (errors.size() == 1 ? list : "[" + list + "]");
        List<Status.Cause> causes = errors.stream()
                .map(e -> new Status.Cause(e.type().reason(), e.messageWithoutField(), e.field()))
                .toList();
        return new ApiException(Status.failure(422, "Invalid", message,
                new Status.Details(name, group, kind, null, causes, null)));
    }

    public static ApiException badRequest(String message) {
        return new ApiException(Status.failure(400, "BadRequest", message, null));
    }

    /** {@code pods "web" is forbidden: <why>}. */
    public static ApiException forbidden(String group, String resource, String name, String why) {
        String what = qualified(group, resource) + (name == null || name.isEmpty() ? "" : " \"" + name + "\"");
        return new ApiException(Status.failure(403, "Forbidden", what + " is forbidden: " + why,
                new Status.Details(name, group, resource, null, null, null)));
    }

    /** A watch or list from a resourceVersion that has been compacted away: 410, reason Expired. */
    public static ApiException expired(String message) {
        return new ApiException(Status.failure(410, "Expired", message, null));
    }

    /** 410 with reason Gone, as Kubernetes answers a list continue token that expired. */
    public static ApiException gone(String message) {
        return new ApiException(Status.failure(410, "Gone", message, null));
    }

    public static ApiException methodNotSupported(String group, String resource, String verb) {
        return new ApiException(Status.failure(405, "MethodNotAllowed",
                verb + " is not supported on resources of kind \"" + qualified(group, resource) + "\"",
                new Status.Details(null, group, resource, null, null, null)));
    }

    /** 415: a patch type the server does not accept. */
    public static ApiException unsupportedMediaType(String contentType) {
        return new ApiException(Status.failure(415, "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: "
                        + "application/json-patch+json, application/merge-patch+json, "
                        + "application/strategic-merge-patch+json, application/apply-patch+yaml (not "
                        + contentType + ")", null));
    }

    /** 503: the server cannot serve the request now (it is starting or shutting down). */
    public static ApiException serviceUnavailable(String message) {
        return new ApiException(Status.failure(503, "ServiceUnavailable", message, null));
    }

    /** 404 for a URL that names no resource the server has, as Kubernetes words it. */
    public static ApiException noSuchPath() {
        return new ApiException(Status.failure(404, "NotFound", "the server could not find the requested resource", null));
    }

    public static ApiException internal(String message) {
        return new ApiException(Status.failure(500, "InternalError",
                "Internal error occurred: " + message, null));
    }

    /** {@code pods} in the core group, {@code deployments.apps} elsewhere, as Kubernetes names them. */
    static String qualified(String group, String resource) {
        return group == null || group.isEmpty() ? resource : resource + "." + group;
    }
}
