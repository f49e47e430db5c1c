package kubelab.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import kubelab.api.Scheme;
import kubelab.api.serialization.Json;

/**
 * The Swagger 2.0 document a server publishes at {@code /openapi/v2}: every path and every
 * definition in one document, as JSON and as gnostic protobuf. Built once, then read-only.
 *
 * <p>kubectl 1.20 fetches it (in protobuf) before {@code create} and {@code apply} to validate
 * manifests on the client side and to explain fields; later versions still use it when the
 * server does not advertise server-side field validation.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/pkg/handler.OpenAPIService}, fed by
 * {@code pkg/builder.BuildOpenAPISpec} in the API server.
 */
public final class OpenApiV2 {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectNode document;
    private final byte[] json;
    private final byte[] protobuf;

    OpenApiV2(Scheme scheme, String version, boolean fieldValidation) {
        SortedMap<String, ObjectNode> definitions = SchemaGenerator.definitions(scheme);
        SortedMap<String, ObjectNode> paths = new ApiPaths(fieldValidation).of(scheme.all(),
                t -> SchemaGenerator.nameOf(scheme, t), t -> SchemaGenerator.listNameOf(scheme, t));
        ObjectNode doc = NODES.objectNode();
        doc.put("swagger", "2.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", version);
        ObjectNode p = doc.putObject("paths");
        paths.forEach(p::set);
        ObjectNode d = doc.putObject("definitions");
        definitions.forEach(d::set);
        this.document = sorted(doc);
        this.json = Json.toBytes(document);
        this.protobuf = GnosticV2.document(document);
    }

    /** The document as a tree. A copy: callers may change it freely. */
    public ObjectNode json() {
        return document.deepCopy();
    }

    /** The document as compact JSON bytes, keys sorted. */
    public byte[] jsonBytes() {
        return json.clone();
    }

    /** The document as a gnostic {@code openapi.v2.Document}. */
    public byte[] protobuf() {
        return protobuf.clone();
    }

    /** The {@code definitions} section (shared with the v3 documents). */
    ObjectNode definitions() {
        return (ObjectNode) document.get("definitions");
    }

    /** The {@code paths} section. */
    ObjectNode paths() {
        return (ObjectNode) document.get("paths");
    }

    /**
     * A copy with the keys of every object in sorted order, so the same model always gives the
     * same bytes (and the same hash). Arrays keep their order: it carries meaning.
     */
    @SuppressWarnings("unchecked") // sortedNode keeps the node type: object in, object out
    static <T extends JsonNode> T sorted(T node) {
        return (T) sortedNode(node);
    }

    private static JsonNode sortedNode(JsonNode node) {
        if (node.isObject()) {
            SortedMap<String, JsonNode> fields = new TreeMap<>();
            for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
                String key = it.next();
                fields.put(key, sortedNode(node.get(key)));
            }
            ObjectNode out = NODES.objectNode();
            fields.forEach(out::set);
            return out;
        }
        if (node.isArray()) {
            List<JsonNode> items = new ArrayList<>();
            node.forEach(n -> items.add(sortedNode(n)));
            return NODES.arrayNode().addAll(items);
        }
        return node;
    }
}
