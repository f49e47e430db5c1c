package kubelab.apiserver.patch;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;
import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;

/**
 * A patch that cannot be applied: the patch document is malformed, or it does not fit the object.
 * It carries the words Kubernetes uses for the same failure ({@link #detail()}), the field it
 * happened at when known ({@link #field()}), and the {@link Kind} that decides the HTTP answer.
 *
 * <h2>How the API server answers it</h2>
 * Call {@link #toApiException()}; it answers what kube-apiserver answers for the same patch:
 * <table>
 *   <caption>patch failures and the Status kube-apiserver returns</caption>
 *   <tr><th>failure</th><th>Kind</th><th>HTTP, reason</th><th>message</th></tr>
 *   <tr><td>patch body that is not JSON (the API server parses it, before these classes run)</td>
 *       <td>-</td><td>400 BadRequest</td><td>the parser's error</td></tr>
 *   <tr><td>JSON patch that is not an array of operations; a strategic merge patch that is not an
 *       object, or with a malformed {@code $retainKeys}, {@code $setElementOrder} or
 *       {@code $deleteFromPrimitiveList}</td>
 *       <td>{@link Kind#MALFORMED}</td><td>400 BadRequest</td><td>{@link #detail()}</td></tr>
 *   <tr><td>JSON patch operation that does not apply (missing path, failed test, bad index,
 *       unknown op); strategic merge patch with a list of lists</td>
 *       <td>{@link Kind#NOT_APPLICABLE}</td><td>422 Invalid</td>
 *       <td>{@value #REJECTED}; the detail goes into {@code details.causes}</td></tr>
 *   <tr><td>strategic merge patch item without its merge key, unknown {@code $patch} value</td>
 *       <td>{@link Kind#UNCLASSIFIED}</td><td>500, no reason</td><td>{@link #detail()}</td></tr>
 * </table>
 * The 422 message is Kubernetes' own, and it famously hides why the patch failed ({@code kubectl}
 * prints {@code The request is invalid: the server rejected our request due to an error in our
 * request}); KubeLab keeps the message and adds the reason as a cause, which real Kubernetes leaves
 * out. The bare 500 is how kube-apiserver answers errors its patch code does not classify, so kubectl
 * prints {@code Error from server: map: map[image:nginx] does not contain declared merge key: name},
 * exactly as here.
 *
 * <p>Real Kubernetes: the {@code mergepatch} errors of {@code k8s.io/apimachinery/pkg/util/mergepatch},
 * the errors of {@code github.com/evanphx/json-patch}, and their mapping to Status in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}.
 */
public final class PatchException extends RuntimeException {
    /** The message kube-apiserver gives every 422 it builds from a patch error. */
    public static final String REJECTED = "the server rejected our request due to an error in our request";

    /** Which HTTP answer a failure gets. */
    public enum Kind {
        /** The patch document itself is malformed: 400 BadRequest. */
        MALFORMED(400, "BadRequest"),
        /** A well-formed patch that does not apply to this object: 422 Invalid. */
        NOT_APPLICABLE(422, "Invalid"),
        /** A failure Kubernetes does not classify: a bare 500 with no reason. */
        UNCLASSIFIED(500, "");

        private final int code;
        private final String reason;

        Kind(int code, String reason) {
            this.code = code;
            this.reason = reason;
        }

        public int code() {
            return code;
        }

        /** The Status reason, empty for {@link #UNCLASSIFIED} (Kubernetes' {@code StatusReasonUnknown}). */
        public String reason() {
            return reason;
        }
    }

    private final Kind kind;
    private final String detail;
    private final String field;

    /**
     * @param kind   which HTTP answer this gets
     * @param field  where in the object, e.g. {@code spec.containers}, or null
     * @param detail what went wrong, in Kubernetes' words
     */
    public PatchException(Kind kind, String field, String detail) {
        super(field == null || field.isEmpty() ? detail : field + ": " + detail, null, false, false);
        this.kind = kind;
        this.field = field == null || field.isEmpty() ? null : field;
        this.detail = detail;
    }

    public Kind kind() {
        return kind;
    }

    /** What went wrong, without the field: the words Kubernetes prints. */
    public String detail() {
        return detail;
    }

    /** The field path the failure happened at, such as {@code spec.containers}, or null. */
    public String field() {
        return field;
    }

    /** The API error kube-apiserver would answer with; see the class comment for the table. */
    public ApiException toApiException() {
        return switch (kind) {
            case MALFORMED -> ApiException.badRequest(detail);
            case NOT_APPLICABLE -> new ApiException(Status.failure(422, kind.reason(), REJECTED,
                    new Status.Details(null, null, null, null, List.of(new Status.Cause(null, detail, field)), null)));
            case UNCLASSIFIED -> new ApiException(Status.failure(500, null, detail, null));
        };
    }

    /**
     * A JSON value as Go's {@code fmt} prints the decoded value, so messages read as Kubernetes'
     * do: {@code map[image:nginx ports:[map[containerPort:80]]]}. Go prints map keys sorted.
     */
    static String goFormat(JsonNode node) {
        if (node == null || node.isNull()) {
            return "<nil>";
        }
        if (node.isObject()) {
            Map<String, JsonNode> sorted = new TreeMap<>();
            node.properties().forEach(e -> sorted.put(e.getKey(), e.getValue()));
            return sorted.entrySet().stream().map(e -> e.getKey() + ":" + goFormat(e.getValue()))
                    .collect(Collectors.joining(" ", "map[", "]"));
        }
        if (node.isArray()) {
            return StreamSupport.stream(node.spliterator(), false).map(PatchException::goFormat)
                    .collect(Collectors.joining(" ", "[", "]"));
        }
        return node.asText();
    }
}
