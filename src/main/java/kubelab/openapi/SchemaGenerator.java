package kubelab.openapi;

import com.fasterxml.jackson.databind.BeanDescription;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.util.Collection;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.MicroTime;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.meta.Status;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;

/**
 * Builds the OpenAPI (Swagger 2.0) definitions of every kind in a {@link Scheme} by walking its
 * records: each record becomes an {@code object} definition whose properties are the JSON fields
 * Jackson writes for it, so a renamed ({@code @JsonProperty}) or hidden ({@code @JsonIgnore}) field
 * shows exactly as it goes over the wire. Nested records become {@code $ref}s to their own
 * definitions; lists become {@code array}s with {@code items}; maps become {@code object}s with
 * {@code additionalProperties}.
 *
 * <p>What a definition carries besides its shape:
 * <ul>
 *   <li>a top-level kind: {@code x-kubernetes-group-version-kind}, by which kubectl finds the schema
 *       of an object it is about to send or explain;</li>
 *   <li>a list annotated with {@link PatchStrategy}: {@code x-kubernetes-patch-strategy} and
 *       {@code x-kubernetes-patch-merge-key}, plus {@code x-kubernetes-list-type} ({@code map} with
 *       {@code x-kubernetes-list-map-keys} when there is a merge key, {@code set} for merged
 *       scalars);</li>
 *   <li>{@code required}, from {@link RequiredFields}.</li>
 * </ul>
 * There are no descriptions: Kubernetes takes them from Go doc comments, and Javadoc is gone at run
 * time.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/cmd/openapi-gen} (Go types to definitions, at
 * build time) and {@code pkg/builder} (definitions and paths into one document, in the API server).
 */
public final class SchemaGenerator {
    static final String REF_PREFIX = "#/definitions/";
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final ObjectMapper mapper = Json.mapper();
    private final DefinitionNames names;
    private final SortedMap<String, ObjectNode> definitions = new TreeMap<>();

    private SchemaGenerator(Scheme scheme) {
        this.names = new DefinitionNames(scheme);
    }

    /**
     * The definitions of every kind in the scheme, its list kind, and every type they reach,
     * sorted by name. Each call builds a fresh, independent tree.
     *
     * @throws IllegalStateException for a field of a Java type with no OpenAPI mapping
     */
    public static SortedMap<String, ObjectNode> definitions(Scheme scheme) {
        SchemaGenerator g = new SchemaGenerator(scheme);
        g.addScalars();
        for (ResourceType t : scheme.all()) {
            String name = g.define(t.javaType());
            g.definitions.get(name).set("x-kubernetes-group-version-kind", gvk(t.group(), t.version(), t.kind()));
            g.definitions.put(g.names.listOf(t), g.listDefinition(t, name));
        }
        // What the paths refer to besides the kinds: the answer to a delete, and a patch body,
        // which has no schema of its own (its shape depends on the patch type).
        g.define(Status.class);
        g.definitions.get(ApiPaths.STATUS_DEFINITION).set("x-kubernetes-group-version-kind", gvk("", "v1", "Status"));
        g.definitions.put(ApiPaths.PATCH_DEFINITION, NODES.objectNode().put("type", "object"));
        return g.definitions;
    }

    /** The definition name of a kind ({@code io.k8s.api.core.v1.Pod}). */
    public static String nameOf(Scheme scheme, ResourceType type) {
        return new DefinitionNames(scheme).of(type.javaType());
    }

    /** The definition name of a kind's list ({@code io.k8s.api.core.v1.PodList}). */
    public static String listNameOf(Scheme scheme, ResourceType type) {
        return new DefinitionNames(scheme).listOf(type);
    }

    /** {@code [{group, kind, version}]}: Kubernetes writes a list, though it holds one entry. */
    static ArrayNode gvk(String group, String version, String kind) {
        ObjectNode one = NODES.objectNode();
        one.put("group", group);
        one.put("kind", kind);
        one.put("version", version);
        return NODES.arrayNode().add(one);
    }

    static ObjectNode ref(String definition) {
        return NODES.objectNode().put("$ref", REF_PREFIX + definition);
    }

    /** The wrappers that print as strings, named and shaped as Kubernetes' own definitions are. */
    private void addScalars() {
        definitions.put(DefinitionNames.QUANTITY, NODES.objectNode().put("type", "string"));
        definitions.put(DefinitionNames.INT_OR_STRING,
                NODES.objectNode().put("format", "int-or-string").put("type", "string"));
        definitions.put(DefinitionNames.TIME, NODES.objectNode().put("format", "date-time").put("type", "string"));
        definitions.put(DefinitionNames.MICRO_TIME,
                NODES.objectNode().put("format", "date-time").put("type", "string"));
    }

    /** {@code PodList}: apiVersion, kind, metadata (ListMeta) and the items, with the list's GVK. */
    private ObjectNode listDefinition(ResourceType t, String itemName) {
        ObjectNode props = NODES.objectNode();
        props.set("apiVersion", NODES.objectNode().put("type", "string"));
        props.set("items", NODES.objectNode().put("type", "array").set("items", ref(itemName)));
        props.set("kind", NODES.objectNode().put("type", "string"));
        props.set("metadata", ref(DefinitionNames.META + "ListMeta"));
        ObjectNode list = NODES.objectNode();
        list.set("properties", props);
        list.set("required", NODES.arrayNode().add("items"));
        list.put("type", "object");
        list.set("x-kubernetes-group-version-kind", gvk(t.group(), t.version(), t.kind() + "List"));
        // ListMeta is not reachable from any kind, so make sure it is defined.
        define(kubelab.api.meta.ListMeta.class);
        return list;
    }

    /** Defines a record (once) and the records it reaches; returns its definition name. */
    private String define(Class<?> type) {
        String name = names.of(type);
        if (definitions.containsKey(name)) {
            return name;
        }
        if (!type.isRecord()) {
            throw new IllegalStateException("no OpenAPI mapping for " + type.getName());
        }
        ObjectNode definition = NODES.objectNode();
        definitions.put(name, definition); // first, so a recursive type refers to itself
        JavaType javaType = mapper.constructType(type);
        BeanDescription bean = mapper.getSerializationConfig().introspect(javaType);
        SortedMap<String, JsonNode> properties = new TreeMap<>();
        for (BeanPropertyDefinition p : bean.findProperties()) {
            if (!p.couldSerialize()) {
                continue;
            }
            ObjectNode schema = schemaOf(p.getPrimaryType(), type.getName() + "." + p.getName());
            addPatchExtensions(schema, patchStrategy(type, p));
            properties.put(p.getName(), schema);
        }
        ObjectNode props = definition.putObject("properties");
        properties.forEach(props::set);
        ArrayNode required = NODES.arrayNode();
        RequiredFields.of(type).stream().filter(properties::containsKey).forEach(required::add);
        if (!required.isEmpty()) {
            definition.set("required", required);
        }
        definition.put("type", "object");
        return name;
    }

    /** The schema of one field's type: a primitive, an array, a map or a reference. */
    private ObjectNode schemaOf(JavaType type, String where) {
        Class<?> raw = type.getRawClass();
        if (raw == String.class || raw == Character.class || raw == char.class || raw.isEnum()) {
            return NODES.objectNode().put("type", "string");
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return NODES.objectNode().put("type", "boolean");
        }
        if (raw == Integer.class || raw == int.class || raw == Short.class || raw == short.class) {
            return NODES.objectNode().put("format", "int32").put("type", "integer");
        }
        if (raw == Long.class || raw == long.class || raw == BigInteger.class) {
            return NODES.objectNode().put("format", "int64").put("type", "integer");
        }
        if (raw == Double.class || raw == double.class || raw == Float.class || raw == float.class
                || raw == BigDecimal.class) {
            return NODES.objectNode().put("format", "double").put("type", "number");
        }
        if (raw == byte[].class) {
            return NODES.objectNode().put("format", "byte").put("type", "string");
        }
        if (raw == Instant.class || raw == MicroTime.class || raw == Quantity.class || raw == IntOrString.class) {
            return ref(names.of(raw));
        }
        if (raw == Object.class || JsonNode.class.isAssignableFrom(raw)) {
            // Any JSON value (an embedded object kept as raw JSON): a schema without a type.
            return NODES.objectNode();
        }
        if (type.isCollectionLikeType() || type.isArrayType() || Collection.class.isAssignableFrom(raw)) {
            ObjectNode array = NODES.objectNode().put("type", "array");
            array.set("items", schemaOf(type.getContentType(), where + "[]"));
            return array;
        }
        if (type.isMapLikeType() || Map.class.isAssignableFrom(raw)) {
            ObjectNode map = NODES.objectNode().put("type", "object");
            map.set("additionalProperties", schemaOf(type.getContentType(), where + "{}"));
            return map;
        }
        if (raw.isRecord()) {
            return ref(define(raw));
        }
        throw new IllegalStateException("no OpenAPI mapping for " + raw.getName() + " at " + where);
    }

    /** The {@link PatchStrategy} on a record component (or its field), or null. */
    private static PatchStrategy patchStrategy(Class<?> record, BeanPropertyDefinition p) {
        for (RecordComponent c : record.getRecordComponents()) {
            if (c.getName().equals(p.getInternalName())) {
                return c.getAnnotation(PatchStrategy.class);
            }
        }
        return p.getField() == null ? null : p.getField().getAnnotation(PatchStrategy.class);
    }

    /** The strategic-merge-patch metadata kubectl reads to build patches and to explain fields. */
    private static void addPatchExtensions(ObjectNode schema, PatchStrategy strategy) {
        if (strategy == null) {
            return;
        }
        boolean array = "array".equals(schema.path("type").asText());
        if (array && strategy.value().contains("merge")) {
            if (strategy.mergeKey().isEmpty()) {
                schema.put("x-kubernetes-list-type", "set");
            } else {
                schema.set("x-kubernetes-list-map-keys", NODES.arrayNode().add(strategy.mergeKey()));
                schema.put("x-kubernetes-list-type", "map");
            }
        }
        if (!strategy.mergeKey().isEmpty()) {
            schema.put("x-kubernetes-patch-merge-key", strategy.mergeKey());
        }
        schema.put("x-kubernetes-patch-strategy", strategy.value());
    }
}
