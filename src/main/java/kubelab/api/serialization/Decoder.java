package kubelab.api.serialization;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonDeserializer;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.deser.DeserializationProblemHandler;
import com.fasterxml.jackson.databind.exc.InvalidDefinitionException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.type.LogicalType;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.temporal.Temporal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Decodes JSON (bytes or a tree) into a typed record the way the API server does with
 * {@code fieldValidation=Warn}: an unknown field is not dropped silently but reported as
 * {@code unknown field "spec.containers[0].imagePullPolicyy"}, a repeated one as
 * {@code duplicate field "metadata.name"}; a value of the wrong JSON type is an error naming its
 * path ({@link DecodeException}).
 *
 * <p>Stricter than {@link Json#fromTree}, like Go's decoder: it never converts between JSON types,
 * so {@code "80"} is not an integer, {@code 80} is not a string ({@code data: {port: 8080}} in a
 * ConfigMap is rejected, as in Kubernetes), {@code 80.5} is not an integer and {@code "true"} not
 * a boolean. Two exceptions exist by design of the types: {@code Quantity} and {@code IntOrString}
 * take both strings and numbers, as in Kubernetes.
 *
 * <p>A root-level {@code apiVersion} or {@code kind} is never reported unknown, because every
 * Kubernetes object has them even where a record derives them instead of storing them.
 *
 * <p>Thread-safe: each call collects its warnings in its own handler.
 *
 * <p>Real Kubernetes: the strict JSON decoding of {@code k8s.io/apimachinery/pkg/runtime/serializer/json}
 * with {@code sigs.k8s.io/json}.
 */
public final class Decoder {
    private static final ObjectMapper MAPPER = strict(Json.mapper().copy());

    private Decoder() {
    }

    private static ObjectMapper strict(ObjectMapper mapper) {
        mapper.disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT);
        mapper.enable(DeserializationFeature.FAIL_ON_NUMBERS_FOR_ENUMS);
        mapper.coercionConfigFor(LogicalType.Integer)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Float)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Boolean)
                .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail);
        mapper.coercionConfigFor(LogicalType.Textual)
                .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
                .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
        return mapper;
    }

    /**
     * Decodes a tree. Duplicate fields cannot be seen here (a tree has already dropped them);
     * read with {@link #decode(byte[], Class)} or {@link ManifestReader} to catch those.
     *
     * @throws DecodeException if a value does not fit its field
     */
    public static <T> Decoded<T> decode(JsonNode tree, Class<T> type) {
        UnknownFields collector = new UnknownFields();
        try {
            T value = MAPPER.readerFor(type).withHandler(collector).readValue(tree);
            return new Decoded<>(value, collector.inDocumentOrder(tree));
        } catch (InvalidDefinitionException e) {
            throw new IllegalStateException("cannot decode into " + type.getName() + ": " + e.getOriginalMessage(), e);
        } catch (JsonMappingException e) {
            throw translate(e, tree);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * One JSON document read as a tree, with the fields it held twice (the tree keeps the last
     * value, as Go's decoder does); decode it with {@link #decode(Document, Class)}.
     */
    public record Document(JsonNode tree, List<String> duplicates) {
        public Document {
            duplicates = List.copyOf(duplicates);
        }
    }

    /**
     * Reads one JSON document, noting duplicate fields.
     *
     * @throws DecodeException for malformed JSON, naming the line and column
     */
    public static Document read(byte[] json) {
        TreeReader reader = new TreeReader();
        try (JsonParser p = MAPPER.getFactory().createParser(json)) {
            if (p.nextToken() == null) {
                throw new DecodeException("", "empty document");
            }
            JsonNode tree = reader.read(p);
            if (p.nextToken() != null) {
                throw new DecodeException("", "invalid JSON at line " + p.currentTokenLocation().getLineNr()
                        + ", column " + p.currentTokenLocation().getColumnNr() + ": more data after the top-level value");
            }
            return new Document(tree, reader.duplicates());
        } catch (JsonProcessingException e) {
            throw new DecodeException("", "invalid JSON at line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ": " + TreeReader.problem(e));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Decodes one JSON document, reporting duplicate fields as well as unknown ones.
     *
     * @throws DecodeException for malformed JSON or a value that does not fit its field
     */
    public static <T> Decoded<T> decode(byte[] json, Class<T> type) {
        return decode(read(json), type);
    }

    /**
     * Decodes a document read with {@link #read} (its tree perhaps changed since): duplicate
     * fields first, then unknown ones.
     */
    public static <T> Decoded<T> decode(Document document, Class<T> type) {
        Decoded<T> decoded = decode(document.tree(), type);
        List<String> warnings = new ArrayList<>(document.duplicates());
        warnings.addAll(decoded.warnings());
        return new Decoded<>(decoded.value(), warnings);
    }

    /** Collects unknown fields of one decode call, with their paths. */
    private static final class UnknownFields extends DeserializationProblemHandler {
        private final List<String> paths = new ArrayList<>();

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, JsonDeserializer<?> deserializer,
                                             Object beanOrClass, String propertyName) throws IOException {
            // On an object or list value the parser has already entered it; the holder is one up.
            JsonStreamContext holder = p.getParsingContext();
            if (p.currentToken() == JsonToken.START_OBJECT || p.currentToken() == JsonToken.START_ARRAY) {
                holder = holder.getParent();
            }
            boolean root = holder.getParent() == null || holder.getParent().inRoot();
            if (!(root && (propertyName.equals("apiVersion") || propertyName.equals("kind")))) {
                paths.add(TreeReader.path(holder, propertyName));
            }
            p.skipChildren();
            return true;
        }

        /**
         * The warnings in the order the fields appear in the document. Jackson reports unknown
         * fields of a record only after its known ones, so the order is restored from the tree.
         */
        List<String> inDocumentOrder(JsonNode tree) {
            if (paths.size() > 1) {
                Map<String, Integer> order = new HashMap<>();
                number(tree, "", order);
                paths.sort(Comparator.comparing(path -> order.getOrDefault(path, Integer.MAX_VALUE)));
            }
            return paths.stream().map(path -> "unknown field \"" + path + "\"").toList();
        }

        private static void number(JsonNode node, String path, Map<String, Integer> order) {
            order.put(path, order.size());
            if (node.isObject()) {
                for (Map.Entry<String, JsonNode> e : node.properties()) {
                    number(e.getValue(), path.isEmpty() ? e.getKey() : path + "." + e.getKey(), order);
                }
            } else if (node.isArray()) {
                for (int i = 0; i < node.size(); i++) {
                    number(node.get(i), path + "[" + i + "]", order);
                }
            }
        }
    }

    // ---- error messages ----------------------------------------------------------------------

    private static DecodeException translate(JsonMappingException e, JsonNode tree) {
        String path = path(e.getPath());
        if (e instanceof ValueInstantiationException && e.getCause() != null) {
            return new DecodeException(path, e.getCause().getMessage()); // e.g. a malformed quantity
        }
        if (e.getCause() instanceof InputCoercionException c && c.getTargetType() != null) {
            // A number too big for its field: int is Kubernetes' int32, long its int64.
            String bits = c.getTargetType() == int.class || c.getTargetType() == Integer.class ? "a 32-bit" : "a 64-bit";
            return new DecodeException(path, "expected " + bits + " integer, got " + numberAt(tree, e.getPath()));
        }
        Class<?> target = e instanceof MismatchedInputException m ? m.getTargetType() : null;
        if (target == null) {
            return new DecodeException(path, e.getOriginalMessage());
        }
        JsonNode found = at(tree, e.getPath());
        String got = found != null ? describe(found)
                : e instanceof InvalidFormatException f ? render(f.getValue()) : "another type";
        return new DecodeException(path, "expected " + describe(target) + ", got " + got);
    }

    /** The value at a path; the parser is closed by the time an error is seen, the tree is not. */
    private static JsonNode at(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode found = tree;
        for (JsonMappingException.Reference ref : references) {
            found = found == null ? null : ref.getFieldName() != null ? found.get(ref.getFieldName()) : found.get(ref.getIndex());
        }
        return found;
    }

    private static String numberAt(JsonNode tree, List<JsonMappingException.Reference> references) {
        JsonNode found = at(tree, references);
        return found == null ? "a number out of range" : found.toString();
    }

    private static String path(List<JsonMappingException.Reference> references) {
        StringBuilder sb = new StringBuilder();
        for (JsonMappingException.Reference ref : references) {
            if (ref.getFieldName() != null) {
                if (sb.length() > 0) {
                    sb.append('.');
                }
                sb.append(ref.getFieldName());
            } else if (ref.getIndex() >= 0) {
                sb.append('[').append(ref.getIndex()).append(']');
            }
        }
        return sb.toString();
    }

    /** What a Java type expects, in JSON terms. */
    static String describe(Class<?> type) {
        if (type.isEnum()) {
            return "one of " + Arrays.stream(type.getEnumConstants()).map(String::valueOf).collect(Collectors.joining(", "));
        }
        if (type == int.class || type == long.class || type == short.class || type == byte.class
                || type == Integer.class || type == Long.class || type == Short.class || type == Byte.class
                || type == BigInteger.class) {
            return "an integer";
        }
        if (type == double.class || type == float.class || type == Double.class || type == Float.class
                || type == BigDecimal.class || Number.class.isAssignableFrom(type)) {
            return "a number";
        }
        if (type == boolean.class || type == Boolean.class) {
            return "a boolean";
        }
        if (CharSequence.class.isAssignableFrom(type) || type == char.class || type == Character.class) {
            return "a string";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "an RFC 3339 time";
        }
        if (Collection.class.isAssignableFrom(type) || type.isArray()) {
            return "a list";
        }
        return "an object"; // a map or a record
    }

    /** What the document has where the error is. */
    private static String describe(JsonNode node) {
        if (node.isObject()) {
            return "an object";
        }
        if (node.isArray()) {
            return "a list";
        }
        return node.isTextual() ? render(node.asText()) : node.toString();
    }

    private static String render(Object value) {
        if (value instanceof String s) {
            return Json.toJson(s);
        }
        return String.valueOf(value);
    }
}
