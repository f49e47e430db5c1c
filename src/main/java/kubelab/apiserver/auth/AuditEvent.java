package kubelab.apiserver.auth;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.apiserver.UserInfo;

/**
 * One request as the audit log records it once the response is complete: who (as authentication
 * established it; null if authentication failed), what ({@code verb}, {@code requestURI},
 * {@code objectRef}), how it ended ({@code responseStatus}), and the authorizer's decision and
 * reason as the annotations {@code authorization.k8s.io/decision} and
 * {@code authorization.k8s.io/reason}. Field names are those of {@code audit.k8s.io/v1} Event, so
 * the JSON reads like a line of kube-apiserver's audit log at level {@code Metadata}.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/apis/audit/v1.Event}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record AuditEvent(String apiVersion, String kind, String level, String auditID, String stage,
                         String requestURI, String verb, UserInfo user, ObjectRef objectRef,
                         ResponseStatus responseStatus, Instant requestReceivedTimestamp, Instant stageTimestamp,
                         Map<String, String> annotations) {

    public static final String DECISION_ANNOTATION = "authorization.k8s.io/decision";
    public static final String REASON_ANNOTATION = "authorization.k8s.io/reason";
    public static final String RESPONSE_COMPLETE = "ResponseComplete";

    public AuditEvent {
        apiVersion = apiVersion == null ? "audit.k8s.io/v1" : apiVersion;
        kind = kind == null ? "Event" : kind;
        level = level == null ? "Metadata" : level;
        annotations = annotations == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(annotations));
    }

    /** What the request was about. Empty parts are left out of JSON. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ObjectRef(String resource, String namespace, String name, String apiGroup, String apiVersion,
                            String subresource) {
    }

    /** How it ended: the HTTP code, and for failures the Status' reason and message. */
    @JsonInclude(JsonInclude.Include.NON_EMPTY)
    public record ResponseStatus(int code, String status, String reason, String message) {
        public boolean succeeded() {
            return code < 400;
        }
    }

    /** {@code allow}, {@code forbid}, or null if the request never reached authorization. */
    public String decision() {
        return annotations.get(DECISION_ANNOTATION);
    }

    /** The authorizer's reason, or "" if none. */
    public String reason() {
        return annotations.getOrDefault(REASON_ANNOTATION, "");
    }
}
