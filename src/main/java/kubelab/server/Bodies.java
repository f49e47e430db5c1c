package kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.DecodeException;
import kubelab.api.serialization.Decoded;
import kubelab.api.serialization.Decoder;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ObjectList;

/**
 * Request and response bodies of the resource endpoints: decoding an object sent to a URL (its
 * kind, version, namespace and name checked against the URL; unknown fields handled by
 * {@code fieldValidation}), and encoding lists without building their tree in memory.
 *
 * <p>Real Kubernetes: the decoding in {@code handlers/create.go} and {@code update.go}, and the
 * strict field validation of {@code handlers/rest.go} ({@code fieldValidation}).
 */
final class Bodies {
    static final String PROTOBUF = "application/vnd.kubernetes.protobuf";

    private Bodies() {
    }

    /**
     * Decodes {@code body} as an object of {@code type}, for a request whose URL names
     * {@code namespace} (empty: none) and, for an update, {@code urlName}.
     *
     * @throws ApiException 400 for a malformed body, a mismatched kind, version, namespace or name,
     *                      or an unknown field under {@code fieldValidation=Strict}; 415 for protobuf
     */
    static KubeObject decode(Exchange x, ResourceType type, byte[] body, String namespace, String urlName) {
        String contentType = x.contentType() == null ? Exchange.JSON : x.contentType();
        JsonNode tree;
        List<String> duplicates = List.of();
        if (contentType.startsWith(PROTOBUF)) {
            tree = ProtoSchema.decode(ProtoReader.envelope(body));
            if (tree == null) {
                throw unsupported(contentType);
            }
        } else if (contentType.contains("yaml")) {
            tree = parse(body, contentType);
        } else {
            // JSON is read once, noting duplicate fields on the way (a YAML body's are caught by its parser)
            if (body.length == 0) {
                throw ApiException.badRequest("the request body is empty");
            }
            try {
                Decoder.Document document = Decoder.read(body);
                tree = document.tree();
                duplicates = document.duplicates();
            } catch (DecodeException e) {
                throw ApiException.badRequest("error decoding the request body: " + e.getMessage());
            }
        }
        if (!tree.isObject()) {
            throw ApiException.badRequest("the body must be a JSON object, not " + tree.getNodeType().name().toLowerCase());
        }
        String kind = tree.path("kind").asText("");
        String apiVersion = tree.path("apiVersion").asText("");
        if (!kind.isEmpty() && !kind.equals(type.kind()) || !apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("the API version in the data (" + apiVersion + ") does not match the expected API version ("
                    + type.apiVersion() + ")" + (kind.equals(type.kind()) ? "" : ", or the kind " + kind + " is not " + type.kind()));
        }
        ObjectNode meta = ((ObjectNode) tree).with("metadata");
        if (type.namespaced()) {
            String bodyNamespace = meta.path("namespace").asText("");
            if (bodyNamespace.isEmpty()) {
                meta.put("namespace", namespace);
            } else if (!bodyNamespace.equals(namespace)) {
                throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
            }
        }
        if (urlName != null && !urlName.isEmpty()) {
            String bodyName = meta.path("name").asText("");
            if (!bodyName.equals(urlName)) {
                throw ApiException.badRequest("the name of the object (" + bodyName + ") does not match the name on the URL ("
                        + urlName + ")");
            }
        }
        Decoded<? extends KubeObject> decoded;
        try {
            decoded = Decoder.decode(new Decoder.Document(tree, duplicates), type.javaType());
        } catch (DecodeException e) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": " + e.getMessage());
        }
        fieldValidation(x, decoded.warnings());
        return decoded.value();
    }

    /** Strict: unknown or duplicate fields are a 400; Warn (the default): Warning headers; Ignore: nothing. */
    static void fieldValidation(Exchange x, List<String> problems) {
        String mode = x.param("fieldValidation");
        if (problems.isEmpty() || "Ignore".equals(mode)) {
            return;
        }
        if ("Strict".equals(mode)) {
            throw ApiException.badRequest("strict decoding error: " + String.join(", ", problems));
        }
        problems.forEach(x::warn);
    }

    static JsonNode parse(byte[] body, String contentType) {
        if (body.length == 0) {
            throw ApiException.badRequest("the request body is empty");
        }
        try {
            return contentType.contains("yaml") ? Json.yamlMapper().readTree(body) : Json.mapper().readTree(body);
        } catch (IOException e) {
            String m = e.getMessage();
            int nl = m == null ? -1 : m.indexOf('\n');
            throw ApiException.badRequest("error decoding the request body: " + (nl < 0 ? m : m.substring(0, nl)));
        }
    }

    static ApiException unsupported(String contentType) {
        return new ApiException(kubelab.api.meta.Status.failure(415, "UnsupportedMediaType",
                "the body of the request was in an unknown format - accepted media types include: application/json, "
                        + "application/yaml (not " + contentType + "). kubelab reads protobuf only for " + ProtoSchema.kinds()
                        + " and SelfSubjectAccessReview: for other kinds, instead of `kubectl create …`, use "
                        + "`kubectl create … --dry-run=client -o yaml | kubectl apply -f -`", null));
    }

    /** {@code {"kind":"PodList","apiVersion":"v1","metadata":{...},"items":[...]}}, item by item. */
    static byte[] list(ResourceType type, ObjectList<? extends KubeObject> list) {
        return list(type, list, Json::toBytes);
    }

    /**
     * The same, with each item's JSON from {@code items} (a cache of encoded objects), copied once
     * into an array of exactly the list's size: a list of 1,000 objects is half a megabyte, and
     * growing a buffer to fit and copying it out would allocate that three times over.
     */
    static byte[] list(ResourceType type, ObjectList<? extends KubeObject> list,
                       java.util.function.Function<KubeObject, byte[]> items) {
        ObjectNode head = Json.mapper().createObjectNode();
        head.put("kind", type.kind() + "List");
        head.put("apiVersion", type.apiVersion());
        ObjectNode meta = head.putObject("metadata");
        meta.put("resourceVersion", list.resourceVersion());
        if (list.continueToken() != null && !list.continueToken().isEmpty()) {
            meta.put("continue", list.continueToken());
            if (list.remainingItemCount() != null) {
                meta.put("remainingItemCount", list.remainingItemCount());
            }
        }
        String h = Json.toJson(head);
        byte[] open = (h.substring(0, h.length() - 1) + ",\"items\":[").getBytes(StandardCharsets.UTF_8);
        byte[][] encoded = new byte[list.items().size()][];
        int size = open.length + 2 + Math.max(0, encoded.length - 1);
        for (int i = 0; i < encoded.length; i++) {
            encoded[i] = items.apply(list.items().get(i));
            size += encoded[i].length;
        }
        byte[] out = new byte[size];
        System.arraycopy(open, 0, out, 0, open.length);
        int at = open.length;
        for (int i = 0; i < encoded.length; i++) {
            if (i > 0) {
                out[at++] = ',';
            }
            System.arraycopy(encoded[i], 0, out, at, encoded[i].length);
            at += encoded[i].length;
        }
        out[at++] = ']';
        out[at] = '}';
        return out;
    }
}
