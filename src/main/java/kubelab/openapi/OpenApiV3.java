package kubelab.openapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedMap;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.serialization.Json;

/**
 * The OpenAPI 3.0 documents a server publishes under {@code /openapi/v3}: one per group version
 * ({@code api/v1}, {@code apis/apps/v1}) holding that group version's paths and every schema they
 * reach, and a discovery document listing them, each with the hash of its bytes in the URL
 * ({@code /openapi/v3/apis/apps/v1?hash=…}). A client caches a document by that URL for as long as
 * the hash stays the same: the hash changes exactly when the document does.
 *
 * <p>The documents are derived from the v2 one: {@code #/definitions/} references become
 * {@code #/components/schemas/}, a reference with siblings (an extension) is wrapped in
 * {@code allOf} as OpenAPI 3.0 ignores siblings of {@code $ref}, body parameters become
 * {@code requestBody} and response schemas move under {@code content}.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/pkg/handler3.OpenAPIService} (discovery, the
 * SHA-512 ETag, the {@code hash} query), fed by {@code pkg/builder3} per group version.
 */
public final class OpenApiV3 {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final String V2_REF = "#/definitions/";
    private static final String V3_REF = "#/components/schemas/";

    /**
     * The two scalars OpenAPI 3 can describe better than "a string": a value that is an integer or
     * a string, and a quantity written as a string or a bare number. kubectl explain then prints
     * their names ({@code <IntOrString>}, {@code map[string]Quantity}) instead of {@code string}.
     */
    private static final Map<String, ObjectNode> V3_ONLY = Map.of(
            DefinitionNames.INT_OR_STRING, oneOf("integer", "string").put("format", "int-or-string"),
            DefinitionNames.QUANTITY, oneOf("string", "number"));

    private final SortedMap<String, byte[]> documents = new TreeMap<>();
    private final SortedMap<String, String> hashes = new TreeMap<>();
    private final byte[] discovery;

    OpenApiV3(Scheme scheme, OpenApiV2 v2) {
        SortedSet<String> groupVersions = new TreeSet<>();
        for (ResourceType t : scheme.all()) {
            groupVersions.add(groupVersionPath(t));
        }
        ObjectNode paths = NODES.objectNode();
        for (String gv : groupVersions) {
            ObjectNode doc = document(gv, v2);
            byte[] bytes = Json.toBytes(OpenApiV2.sorted(doc));
            documents.put(gv, bytes);
            hashes.put(gv, sha512Hex(bytes));
            paths.putObject(gv).put("serverRelativeURL", "/openapi/v3/" + gv + "?hash=" + hashes.get(gv));
        }
        ObjectNode root = NODES.objectNode();
        root.set("paths", paths);
        this.discovery = Json.toBytes(root);
    }

    /** {@code api/v1} for the core group, {@code apis/apps/v1} for the others. */
    public static String groupVersionPath(ResourceType t) {
        return t.group().isEmpty() ? "api/" + t.version() : "apis/" + t.group() + "/" + t.version();
    }

    /** The discovery document: {@code {"paths": {"api/v1": {"serverRelativeURL": …}, …}}}. */
    public byte[] discovery() {
        return discovery.clone();
    }

    /** The document of one group version ({@code api/v1}, {@code apis/apps/v1}), if served. */
    public Optional<byte[]> document(String groupVersionPath) {
        return Optional.ofNullable(documents.get(strip(groupVersionPath))).map(byte[]::clone);
    }

    /** The hash of a group version's document: upper-case hex SHA-512 of its bytes, as its ETag. */
    public Optional<String> hash(String groupVersionPath) {
        return Optional.ofNullable(hashes.get(strip(groupVersionPath)));
    }

    /** The served group versions, sorted. */
    public Set<String> groupVersions() {
        return documents.keySet();
    }

    private static String strip(String path) {
        return path.startsWith("/") ? path.substring(1) : path;
    }

    private static ObjectNode document(String gv, OpenApiV2 v2) {
        ObjectNode paths = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = v2.paths().fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (e.getKey().startsWith("/" + gv + "/")) {
                paths.set(e.getKey(), pathItem(e.getValue()));
            }
        }
        ObjectNode schemas = NODES.objectNode();
        for (String name : reachable(paths, v2.definitions())) {
            schemas.set(name, V3_ONLY.containsKey(name) ? V3_ONLY.get(name).deepCopy() : schema(v2.definitions().get(name)));
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("openapi", "3.0.0");
        doc.putObject("info").put("title", "Kubernetes").put("version", "unversioned");
        doc.set("paths", paths);
        doc.putObject("components").set("schemas", schemas);
        return doc;
    }

    /** Every definition the paths refer to, directly or through other definitions. */
    private static SortedSet<String> reachable(JsonNode paths, ObjectNode definitions) {
        SortedSet<String> seen = new TreeSet<>();
        Deque<JsonNode> todo = new ArrayDeque<>();
        todo.push(paths);
        while (!todo.isEmpty()) {
            JsonNode node = todo.pop();
            if (node.isTextual() || !node.isContainerNode()) {
                continue;
            }
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String name = ref.asText().replace(V3_REF, "").replace(V2_REF, "");
                if (seen.add(name)) {
                    todo.push(definitions.get(name));
                }
            }
            node.forEach(todo::push);
        }
        return seen;
    }

    private static ObjectNode pathItem(JsonNode item) {
        ObjectNode out = NODES.objectNode();
        for (Iterator<Map.Entry<String, JsonNode>> it = item.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            out.set(e.getKey(), e.getKey().equals("parameters") ? parameters(e.getValue()) : operation(e.getValue()));
        }
        return out;
    }

    private static ObjectNode operation(JsonNode op) {
        ObjectNode out = NODES.objectNode();
        ArrayNode params = NODES.arrayNode();
        for (JsonNode p : op.path("parameters")) {
            if (p.path("in").asText().equals("body")) {
                ObjectNode content = NODES.objectNode();
                op.path("consumes").forEach(type -> content.putObject(type.asText()).set("schema", schema(p.get("schema"))));
                out.putObject("requestBody").put("required", true).set("content", content);
            } else {
                params.add(parameter(p));
            }
        }
        out.set("parameters", params);
        ObjectNode responses = out.putObject("responses");
        for (Iterator<Map.Entry<String, JsonNode>> it = op.path("responses").fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            ObjectNode r = responses.putObject(e.getKey()).put("description", e.getValue().path("description").asText());
            if (e.getValue().has("schema")) {
                ObjectNode content = r.putObject("content");
                op.path("produces").forEach(type -> content.putObject(type.asText())
                        .set("schema", schema(e.getValue().get("schema"))));
            }
        }
        Set<String> dropped = Set.of("parameters", "responses", "consumes", "produces", "schemes");
        for (Iterator<Map.Entry<String, JsonNode>> it = op.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> e = it.next();
            if (!dropped.contains(e.getKey())) {
                out.set(e.getKey(), e.getValue().deepCopy());
            }
        }
        return out;
    }

    private static ArrayNode parameters(JsonNode params) {
        ArrayNode out = NODES.arrayNode();
        params.forEach(p -> out.add(parameter(p)));
        return out;
    }

    /** {@code {in, name, required, type}} becomes {@code {in, name, required, schema: {type}}}. */
    private static ObjectNode parameter(JsonNode p) {
        ObjectNode out = NODES.objectNode();
        out.put("in", p.path("in").asText());
        out.put("name", p.path("name").asText());
        if (p.path("required").asBoolean()) {
            out.put("required", true);
        }
        ObjectNode schema = out.putObject("schema").put("type", p.path("type").asText());
        if (p.path("uniqueItems").asBoolean()) {
            schema.put("uniqueItems", true);
        }
        return out;
    }

    /** A v2 schema as a v3 one: references re-pointed, a reference with siblings wrapped in allOf. */
    static JsonNode schema(JsonNode node) {
        if (node.isArray()) {
            ArrayNode out = NODES.arrayNode();
            node.forEach(n -> out.add(schema(n)));
            return out;
        }
        if (!node.isObject()) {
            return node;
        }
        Map<String, JsonNode> fields = new LinkedHashMap<>();
        node.fields().forEachRemaining(e -> fields.put(e.getKey(), e.getKey().startsWith("x-")
                ? e.getValue().deepCopy() : schema(e.getValue())));
        ObjectNode out = NODES.objectNode();
        JsonNode ref = fields.remove("$ref");
        if (ref != null && ref.isTextual()) {
            ObjectNode target = NODES.objectNode().put("$ref", ref.asText().replace(V2_REF, V3_REF));
            if (fields.isEmpty()) {
                return target;
            }
            out.putArray("allOf").add(target);
        }
        fields.forEach(out::set);
        return out;
    }

    private static ObjectNode oneOf(String... types) {
        ObjectNode schema = NODES.objectNode();
        ArrayNode oneOf = schema.putArray("oneOf");
        for (String type : types) {
            oneOf.addObject().put("type", type);
        }
        return schema;
    }

    static String sha512Hex(byte[] bytes) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-512").digest(bytes);
            StringBuilder hex = new StringBuilder(digest.length * 2);
            for (byte b : digest) {
                hex.append(Character.toUpperCase(Character.forDigit((b >> 4) & 0xF, 16)))
                        .append(Character.toUpperCase(Character.forDigit(b & 0xF, 16)));
            }
            return hex.toString();
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-512 is required of every Java runtime", e);
        }
    }
}
