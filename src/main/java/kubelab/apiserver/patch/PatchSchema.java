package kubelab.apiserver.patch;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.lang.reflect.RecordComponent;
import java.lang.reflect.Type;
import java.lang.reflect.WildcardType;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;

/**
 * What a strategic merge patch knows about the Java type at one place in a JSON tree: for an object,
 * each field's {@link PatchMeta} and type; for a list, the type of its items. Records are read by
 * their components (under their JSON names, {@code @JsonProperty} included), {@code Map<String, X>}
 * gives every entry the type {@code X}, {@code List<X>} gives items the type {@code X}; anything else
 * is unknown, and an unknown place merges like a JSON merge patch.
 *
 * <p>Reflection runs once per record class ({@link ClassValue}), so patching the thousandth Pod
 * costs no more than map look-ups.
 *
 * <p>Public because server-side apply ({@code kubelab.apiserver.apply}) reads the same list
 * types and keys.
 *
 * <p>Real Kubernetes: {@code strategicpatch.PatchMetaFromStruct} over Go struct tags (and
 * {@code PatchMetaFromOpenAPI} for the OpenAPI schema).
 */
public final class PatchSchema {
    public static final PatchSchema UNKNOWN = new PatchSchema(null);

    /** A record's fields by JSON name, computed once per class. */
    private static final ClassValue<Map<String, Member>> RECORD_FIELDS = new ClassValue<>() {
        @Override
        protected Map<String, Member> computeValue(Class<?> type) {
            Map<String, Member> fields = new LinkedHashMap<>();
            for (RecordComponent component : type.getRecordComponents()) {
                PatchMeta meta = PatchMeta.of(component.getAnnotation(PatchStrategy.class));
                fields.put(jsonName(type, component), new Member(meta, of(component.getGenericType())));
            }
            return Map.copyOf(fields);
        }
    };

    /** One field: how to patch it, and what it holds. */
    public record Member(PatchMeta meta, PatchSchema schema) {
        public static final Member UNKNOWN = new Member(PatchMeta.NONE, PatchSchema.UNKNOWN);
    }

    private final Type type;

    private PatchSchema(Type type) {
        this.type = type;
    }

    public static PatchSchema of(Type type) {
        return type == null ? UNKNOWN : new PatchSchema(type);
    }

    /** The field of this object with that JSON name; {@link Member#UNKNOWN} if there is none. */
    public Member field(String jsonName) {
        Class<?> raw = raw(type);
        if (raw != null && raw.isRecord()) {
            return RECORD_FIELDS.get(raw).getOrDefault(jsonName, Member.UNKNOWN);
        }
        if (raw != null && Map.class.isAssignableFrom(raw)) {
            return new Member(PatchMeta.NONE, of(typeArgument(type, 1)));
        }
        return Member.UNKNOWN;
    }

    /** The schema of this list's items. */
    public PatchSchema element() {
        Class<?> raw = raw(type);
        if (raw != null && Collection.class.isAssignableFrom(raw)) {
            return of(typeArgument(type, 0));
        }
        if (raw != null && raw.isArray()) {
            return of(raw.getComponentType());
        }
        return UNKNOWN;
    }

    /** The Java type at this place, or null where it is unknown. */
    public Type type() {
        return type;
    }

    /** The class at this place (a record, a {@code Map}, a {@code List}, a scalar), or null. */
    public Class<?> rawClass() {
        return raw(type);
    }

    @Override
    public String toString() {
        return type == null ? "unknown" : type.getTypeName();
    }

    /** The component's JSON name: its {@code @JsonProperty} value (on the accessor or field), or its own. */
    private static String jsonName(Class<?> record, RecordComponent component) {
        JsonProperty property = component.getAccessor().getAnnotation(JsonProperty.class);
        if (property == null) {
            try {
                Field field = record.getDeclaredField(component.getName());
                property = field.getAnnotation(JsonProperty.class);
            } catch (NoSuchFieldException e) {
                property = null;
            }
        }
        return property != null && !property.value().isEmpty() ? property.value() : component.getName();
    }

    private static Class<?> raw(Type type) {
        if (type instanceof Class<?> c) {
            return c;
        }
        if (type instanceof ParameterizedType p) {
            return raw(p.getRawType());
        }
        if (type instanceof WildcardType w) {
            return raw(w.getUpperBounds()[0]);
        }
        return null;
    }

    private static Type typeArgument(Type type, int index) {
        if (type instanceof WildcardType w) {
            return typeArgument(w.getUpperBounds()[0], index);
        }
        if (type instanceof ParameterizedType p && p.getActualTypeArguments().length > index) {
            Type argument = p.getActualTypeArguments()[index];
            return argument instanceof WildcardType w ? w.getUpperBounds()[0] : argument;
        }
        return null;
    }
}
