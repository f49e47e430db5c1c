package kubelab.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Iterator;
import java.util.Map;
import java.util.Set;
import kubelab.api.serialization.Json;

/**
 * Encodes a Swagger 2.0 JSON document as the protobuf message {@code openapi.v2.Document} of
 * gnostic, the form kubectl asks for ({@code Accept:
 * application/com.github.proto-openapi.spec.v2@v1.0+protobuf}) and the only one kubectl 1.20
 * can read for client-side validation.
 *
 * <p>gnostic models JSON objects as messages with one numbered field per JSON key, maps as
 * repeated {@code Named*} pairs (name 1, value 2), and every {@code x-} extension as a
 * {@code NamedAny} whose value carries the extension's YAML text (JSON is valid YAML). The field
 * numbers below are those of {@code openapiv2/OpenAPIv2.proto}. Only the keys KubeLab's documents
 * use are mapped; any other key fails loudly rather than vanish from the encoding.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/pkg/handler.ToProtoBinary}, which parses the JSON
 * into gnostic's {@code openapi_v2.Document} and marshals it.
 */
final class GnosticV2 {
    private GnosticV2() {
    }

    /** The document's bytes. */
    static byte[] document(JsonNode doc) {
        ProtoWriter w = new ProtoWriter();
        w.string(1, doc.path("swagger").asText());
        if (doc.has("info")) {
            JsonNode info = doc.get("info");
            w.message(2, new ProtoWriter().string(1, info.path("title").asText())
                    .string(2, info.path("version").asText()));
        }
        ProtoWriter paths = new ProtoWriter();
        for (Map.Entry<String, JsonNode> e : fields(doc.path("paths"))) {
            paths.message(2, new ProtoWriter().string(1, e.getKey()).message(2, pathItem(e.getValue())));
        }
        w.message(8, paths);
        ProtoWriter definitions = new ProtoWriter();
        for (Map.Entry<String, JsonNode> e : fields(doc.path("definitions"))) {
            definitions.message(1, named(e.getKey(), schema(e.getValue())));
        }
        w.message(9, definitions);
        return w.toByteArray();
    }

    /** PathItem: get 2, put 3, post 4, delete 5, patch 8, parameters 9. */
    private static ProtoWriter pathItem(JsonNode item) {
        ProtoWriter w = new ProtoWriter();
        String[] methods = {"get", "put", "post", "delete", "options", "head", "patch"};
        for (int i = 0; i < methods.length; i++) {
            if (item.has(methods[i])) {
                w.message(i + 2, operation(item.get(methods[i])));
            }
        }
        for (JsonNode p : item.path("parameters")) {
            w.message(9, parameter(p));
        }
        return w;
    }

    /** Operation: tags 1, operation_id 5, produces 6, consumes 7, parameters 8, responses 9, schemes 10, extensions 13. */
    private static ProtoWriter operation(JsonNode op) {
        ProtoWriter w = new ProtoWriter();
        op.path("tags").forEach(t -> w.string(1, t.asText()));
        w.string(3, op.path("description").asText());
        w.string(5, op.path("operationId").asText());
        op.path("produces").forEach(t -> w.string(6, t.asText()));
        op.path("consumes").forEach(t -> w.string(7, t.asText()));
        op.path("parameters").forEach(p -> w.message(8, parameter(p)));
        ProtoWriter responses = new ProtoWriter();
        for (Map.Entry<String, JsonNode> e : fields(op.path("responses"))) {
            // NamedResponseValue{name, ResponseValue{response 1: Response{description 1, schema 2: SchemaItem{schema 1}}}}
            ProtoWriter response = new ProtoWriter().string(1, e.getValue().path("description").asText());
            if (e.getValue().has("schema")) {
                response.message(2, new ProtoWriter().message(1, schema(e.getValue().get("schema"))));
            }
            responses.message(1, new ProtoWriter().string(1, e.getKey())
                    .message(2, new ProtoWriter().message(1, response)));
        }
        w.message(9, responses);
        op.path("schemes").forEach(t -> w.string(10, t.asText()));
        extensions(op, 13, w);
        return w;
    }

    /**
     * ParametersItem{parameter 1: Parameter{body 1 | non-body 2}}. A body parameter is
     * BodyParameter{description 1, name 2, in 3, required 4, schema 5}; a query parameter is
     * NonBodyParameter{query 3: {required 1, in 2, description 3, name 4, type 6, unique_items 20}};
     * a path parameter is NonBodyParameter{path 4: {required 1, in 2, description 3, name 4, type 5,
     * unique_items 19}}.
     */
    private static ProtoWriter parameter(JsonNode p) {
        String in = p.path("in").asText();
        ProtoWriter parameter = new ProtoWriter();
        if (in.equals("body")) {
            parameter.message(1, new ProtoWriter().string(1, p.path("description").asText())
                    .string(2, p.path("name").asText()).string(3, in).bool(4, p.path("required").asBoolean())
                    .message(5, schema(p.path("schema"))));
        } else {
            boolean query = in.equals("query");
            if (!query && !in.equals("path")) {
                throw new IllegalArgumentException("parameter in " + in + " is not encoded");
            }
            ProtoWriter sub = new ProtoWriter().bool(1, p.path("required").asBoolean()).string(2, in)
                    .string(3, p.path("description").asText()).string(4, p.path("name").asText())
                    .string(query ? 6 : 5, p.path("type").asText())
                    .bool(query ? 20 : 19, p.path("uniqueItems").asBoolean());
            parameter.message(2, new ProtoWriter().message(query ? 3 : 4, sub));
        }
        return new ProtoWriter().message(1, parameter);
    }

    /**
     * Schema: $ref 1, format 2, title 3, description 4, required 19, additionalProperties 21,
     * type 22, items 23, allOf 24, properties 25, readOnly 27, extensions 31.
     */
    static ProtoWriter schema(JsonNode s) {
        ProtoWriter w = new ProtoWriter();
        for (Iterator<String> it = s.fieldNames(); it.hasNext(); ) {
            String key = it.next();
            if (!key.startsWith("x-") && !KNOWN_SCHEMA_KEYS.contains(key)) {
                throw new IllegalArgumentException("schema key not encoded: " + key);
            }
        }
        w.string(1, s.path("$ref").asText());
        w.string(2, s.path("format").asText());
        w.string(3, s.path("title").asText());
        w.string(4, s.path("description").asText());
        s.path("required").forEach(r -> w.string(19, r.asText()));
        if (s.has("additionalProperties")) {
            JsonNode ap = s.get("additionalProperties");
            w.message(21, ap.isBoolean() ? new ProtoWriter().bool(2, ap.asBoolean())
                    : new ProtoWriter().message(1, schema(ap)));
        }
        if (s.has("type")) {
            w.message(22, new ProtoWriter().string(1, s.get("type").asText()));
        }
        if (s.has("items")) {
            w.message(23, new ProtoWriter().message(1, schema(s.get("items"))));
        }
        s.path("allOf").forEach(a -> w.message(24, schema(a)));
        if (s.has("properties")) {
            ProtoWriter props = new ProtoWriter();
            for (Map.Entry<String, JsonNode> e : fields(s.get("properties"))) {
                props.message(1, named(e.getKey(), schema(e.getValue())));
            }
            w.message(25, props);
        }
        w.bool(27, s.path("readOnly").asBoolean());
        extensions(s, 31, w);
        return w;
    }

    private static final Set<String> KNOWN_SCHEMA_KEYS = Set.of("$ref", "format", "title",
            "description", "required", "additionalProperties", "type", "items", "allOf", "properties", "readOnly");

    /** NamedAny{name 1, value 2: Any{yaml 2}} for every {@code x-} key, in key order. */
    private static void extensions(JsonNode node, int field, ProtoWriter w) {
        for (Map.Entry<String, JsonNode> e : fields(node)) {
            if (e.getKey().startsWith("x-")) {
                ProtoWriter any = new ProtoWriter().string(2, Json.toJson(e.getValue()) + "\n");
                w.message(field, new ProtoWriter().string(1, e.getKey()).message(2, any));
            }
        }
    }

    private static ProtoWriter named(String name, ProtoWriter value) {
        return new ProtoWriter().string(1, name).message(2, value);
    }

    private static Iterable<Map.Entry<String, JsonNode>> fields(JsonNode node) {
        return node::fields;
    }
}
