package kubelab.openapi;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;
import kubelab.api.ResourceType;

/**
 * The Swagger 2.0 {@code paths} of resource types: for each kind its collection
 * ({@code list}, {@code create}), its objects ({@code read}, {@code replace}, {@code patch},
 * {@code delete}), its {@code status} subresource if it has one, and, for a namespaced kind, the
 * list across all namespaces. Every operation names its kind
 * ({@code x-kubernetes-group-version-kind}) and its verb ({@code x-kubernetes-action}), and the
 * writes list the {@code fieldValidation} query parameter, which is how kubectl 1.25+ learns that
 * the server validates fields itself.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/endpoints/installer.go}, which registers each
 * route with its operation id ({@code readCoreV1NamespacedPod}) and parameters, and
 * {@code k8s.io/kube-openapi/pkg/builder}, which turns the routes into paths.
 */
final class ApiPaths {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final String PATCH_DEFINITION = DefinitionNames.META + "Patch";
    static final String STATUS_DEFINITION = DefinitionNames.META + "Status";
    static final List<String> PATCH_TYPES = List.of("application/json-patch+json", "application/merge-patch+json",
            "application/strategic-merge-patch+json", "application/apply-patch+yaml");
    private static final List<String> PRODUCES = List.of("application/json", "application/yaml");

    private final boolean fieldValidation;

    ApiPaths(boolean fieldValidation) {
        this.fieldValidation = fieldValidation;
    }

    /** The paths of these types, sorted; {@code kindName} and {@code listName} give definition names. */
    SortedMap<String, ObjectNode> of(List<ResourceType> types, Function<ResourceType, String> kindName,
                                     Function<ResourceType, String> listName) {
        SortedMap<String, ObjectNode> paths = new TreeMap<>();
        for (ResourceType t : types) {
            String root = (t.group().isEmpty() ? "/api/" : "/apis/" + t.group() + "/") + t.version();
            String collection = root + (t.namespaced() ? "/namespaces/{namespace}/" : "/") + t.plural();
            String scope = t.namespaced() ? "Namespaced" : "";
            String kind = kindName.apply(t);

            ObjectNode items = pathItem(t.namespaced(), false);
            items.set("get", op(t, "list" + prefix(t) + scope + t.kind(), "list", null, listName.apply(t), listQuery()));
            items.set("post", op(t, "create" + prefix(t) + scope + t.kind(), "post", kind, kind, writeQuery(false)));
            paths.put(collection, items);

            ObjectNode one = pathItem(t.namespaced(), true);
            one.set("get", op(t, "read" + prefix(t) + scope + t.kind(), "get", null, kind, List.of()));
            one.set("put", op(t, "replace" + prefix(t) + scope + t.kind(), "put", kind, kind, writeQuery(false)));
            one.set("patch", patch(op(t, "patch" + prefix(t) + scope + t.kind(), "patch", PATCH_DEFINITION, kind,
                    writeQuery(true))));
            one.set("delete", op(t, "delete" + prefix(t) + scope + t.kind(), "delete", null, STATUS_DEFINITION,
                    List.of("dryRun", "gracePeriodSeconds", "propagationPolicy")));
            paths.put(collection + "/{name}", one);

            if (t.hasStatus()) {
                ObjectNode status = pathItem(t.namespaced(), true);
                String suffix = scope + t.kind() + "Status";
                status.set("get", op(t, "read" + prefix(t) + suffix, "get", null, kind, List.of()));
                status.set("put", op(t, "replace" + prefix(t) + suffix, "put", kind, kind, writeQuery(false)));
                status.set("patch", patch(op(t, "patch" + prefix(t) + suffix, "patch", PATCH_DEFINITION, kind,
                        writeQuery(true))));
                paths.put(collection + "/{name}/status", status);
            }
            if (t.namespaced()) {
                ObjectNode all = pathItem(false, false);
                all.set("get", op(t, "list" + prefix(t) + t.kind() + "ForAllNamespaces", "list", null,
                        listName.apply(t), listQuery()));
                paths.put(root + "/" + t.plural(), all);
            }
        }
        return paths;
    }

    /** {@code CoreV1}, {@code AppsV1}, {@code RbacAuthorizationV1}: the group part of an operation id. */
    static String prefix(ResourceType t) {
        String group = t.group().isEmpty() ? "core" : t.group().replace(".k8s.io", "");
        String camel = Arrays.stream(group.split("\\."))
                .map(s -> Character.toUpperCase(s.charAt(0)) + s.substring(1))
                .collect(Collectors.joining());
        return camel + Character.toUpperCase(t.version().charAt(0)) + t.version().substring(1);
    }

    /** {@code core_v1}, {@code apps_v1}, {@code rbacAuthorization_v1}: the operation's tag. */
    private static String tag(ResourceType t) {
        String p = prefix(t);
        String group = p.substring(0, p.length() - t.version().length());
        return Character.toLowerCase(group.charAt(0)) + group.substring(1) + "_" + t.version();
    }

    private static ObjectNode pathItem(boolean namespaced, boolean named) {
        ObjectNode item = NODES.objectNode();
        ArrayNode params = item.putArray("parameters");
        if (named) {
            params.add(param("name", "path", true));
        }
        if (namespaced) {
            params.add(param("namespace", "path", true));
        }
        params.add(param("pretty", "query", false));
        return item;
    }

    private static ObjectNode param(String name, String in, boolean required) {
        ObjectNode p = NODES.objectNode();
        p.put("in", in);
        p.put("name", name);
        if (required) {
            p.put("required", true);
        }
        p.put("type", name.equals("watch") || name.equals("force") ? "boolean"
                : name.equals("limit") || name.endsWith("Seconds") ? "integer" : "string");
        p.put("uniqueItems", true);
        return p;
    }

    private static List<String> listQuery() {
        return List.of("continue", "fieldSelector", "labelSelector", "limit", "resourceVersion", "timeoutSeconds",
                "watch");
    }

    private List<String> writeQuery(boolean patch) {
        List<String> q = new ArrayList<>(List.of("dryRun", "fieldManager"));
        if (fieldValidation) {
            q.add("fieldValidation");
        }
        if (patch) {
            q.add("force");
        }
        return q;
    }

    private static ObjectNode op(ResourceType t, String id, String action, String body, String response,
                                 List<String> query) {
        ObjectNode op = NODES.objectNode();
        op.putArray("consumes").add("*/*");
        op.put("operationId", id);
        ArrayNode params = op.putArray("parameters");
        if (body != null) {
            ObjectNode b = NODES.objectNode();
            b.put("in", "body");
            b.put("name", "body");
            b.put("required", true);
            b.set("schema", SchemaGenerator.ref(body));
            params.add(b);
        }
        query.forEach(q -> params.add(param(q, "query", false)));
        ArrayNode produces = op.putArray("produces");
        PRODUCES.forEach(produces::add);
        ObjectNode responses = op.putObject("responses");
        responses.set("200", response("OK", response));
        if (action.equals("post")) {
            responses.set("201", response("Created", response));
        }
        responses.set("401", NODES.objectNode().put("description", "Unauthorized"));
        op.putArray("schemes").add("https");
        op.putArray("tags").add(tag(t));
        op.put("x-kubernetes-action", action);
        ObjectNode gvk = op.putObject("x-kubernetes-group-version-kind");
        gvk.put("group", t.group());
        gvk.put("kind", t.kind());
        gvk.put("version", t.version());
        return op;
    }

    private static ObjectNode patch(ObjectNode op) {
        ArrayNode consumes = op.putArray("consumes");
        PATCH_TYPES.forEach(consumes::add);
        return op;
    }

    private static ObjectNode response(String description, String definition) {
        ObjectNode r = NODES.objectNode();
        r.put("description", description);
        r.set("schema", SchemaGenerator.ref(definition));
        return r;
    }
}
