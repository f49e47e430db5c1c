package kubelab.api.serialization;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.module.SimpleModule;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;
import com.fasterxml.jackson.datatype.jsr310.deser.InstantDeserializer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * Jackson, configured once for the whole project: how API objects become JSON and YAML and back.
 *
 * <ul>
 *   <li>Null fields, and empty lists and maps, are left out, as Kubernetes' {@code omitempty}
 *       does; an empty object such as {@code emptyDir: {}} is kept, because it carries meaning.</li>
 *   <li>Timestamps print as RFC 3339 in whole seconds ({@code 2026-01-01T00:00:00Z}), as
 *       {@code metav1.Time} does.</li>
 *   <li>Unknown fields do not fail decoding here; {@link Decoder} reports them as warnings.</li>
 * </ul>
 *
 * <p>Real Kubernetes: the JSON and YAML serializers of {@code k8s.io/apimachinery/pkg/runtime/serializer}.
 */
public final class Json {
    private static final ObjectMapper JSON = configure(JsonMapper.builder().build());
    private static final ObjectMapper YAML = configure(new YAMLMapper(YAMLFactory.builder()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.ALWAYS_QUOTE_NUMBERS_AS_STRINGS)
            .build()));

    private Json() {
    }

    private static ObjectMapper configure(ObjectMapper mapper) {
        SimpleModule time = new SimpleModule("kubelab-time");
        time.addSerializer(Instant.class, new TimeSerializer());
        time.addDeserializer(Instant.class, new TimeDeserializer());
        mapper.registerModule(new JavaTimeModule());
        mapper.registerModule(time);
        mapper.disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS);
        mapper.disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
        mapper.disable(DeserializationFeature.ADJUST_DATES_TO_CONTEXT_TIME_ZONE);
        mapper.setSerializationInclusion(JsonInclude.Include.NON_NULL);
        JsonInclude.Value nonEmpty = JsonInclude.Value.construct(JsonInclude.Include.NON_EMPTY, JsonInclude.Include.NON_EMPTY);
        mapper.configOverride(List.class).setInclude(nonEmpty);
        mapper.configOverride(Map.class).setInclude(nonEmpty);
        return mapper;
    }

    /** The JSON mapper. Share it; do not reconfigure it. */
    public static ObjectMapper mapper() {
        return JSON;
    }

    /** The YAML mapper. Share it; do not reconfigure it. */
    public static ObjectMapper yamlMapper() {
        return YAML;
    }

    /** Compact JSON. */
    public static String toJson(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Indented JSON, for people. */
    public static String toPrettyJson(Object value) {
        try {
            return JSON.writerWithDefaultPrettyPrinter().writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** JSON as UTF-8 bytes: what the store keeps. */
    public static byte[] toBytes(Object value) {
        try {
            return JSON.writeValueAsBytes(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** YAML, as {@code kubectl get -o yaml} prints. */
    public static String toYaml(Object value) {
        try {
            return YAML.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON tree of a value. */
    public static JsonNode toTree(Object value) {
        return JSON.valueToTree(value);
    }

    /** Reads JSON bytes into a type, ignoring unknown fields (use {@link Decoder} to see them). */
    public static <T> T fromBytes(byte[] json, Class<T> type) {
        try {
            return JSON.readValue(json, type);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a JSON tree into a type, ignoring unknown fields. */
    public static <T> T fromTree(JsonNode tree, Class<T> type) {
        try {
            return JSON.treeToValue(tree, type);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** {@code metav1.Time}: RFC 3339, whole seconds, UTC. */
    static final class TimeSerializer extends StdSerializer<Instant> {
        TimeSerializer() {
            super(Instant.class);
        }

        @Override
        public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
            gen.writeString(Rfc3339.format(value));
        }
    }

    /**
     * {@code metav1.Time} read back: the plain whole-second form directly, any other form (a
     * fraction, an offset, a number) as jackson-datatype-jsr310 reads it.
     */
    static final class TimeDeserializer extends StdDeserializer<Instant> {
        TimeDeserializer() {
            super(Instant.class);
        }

        @Override
        public Instant deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
            if (p.hasToken(JsonToken.VALUE_STRING)) {
                Instant simple = Rfc3339.parseSimple(p.getText());
                if (simple != null) {
                    return simple;
                }
            }
            return InstantDeserializer.INSTANT.deserialize(p, ctxt);
        }
    }
}
