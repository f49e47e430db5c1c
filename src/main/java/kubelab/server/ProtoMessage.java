package kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Base64;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.function.Supplier;
import kubelab.apiserver.ApiException;

/**
 * One protobuf message type of the Kubernetes API as a table (field number → JSON name and how
 * its value is encoded), and the decoder that turns such a message into the JSON tree the same
 * object has as JSON, so a protobuf request body takes the JSON path from there on.
 *
 * <p>Fields not in the table are skipped. A scalar at its zero value ("", 0, false) is left out,
 * as JSON's {@code omitempty} would, unless the field is a pointer in Go ({@code replicas: 0}
 * means something): such fields are declared with {@link #keepZero()}.
 *
 * <p>Real Kubernetes: the {@code Unmarshal} methods generated from each group's
 * {@code generated.proto} (field numbers are those of the Go struct tags, {@code protobuf:"…,N,…"}).
 */
final class ProtoMessage {
    /** How a field's value is encoded, and what JSON it becomes. */
    enum Kind {
        /** string, or bytes read as UTF-8 */
        STRING,
        /** int32/int64 as a varint */
        INT,
        /** bool as a varint */
        BOOL,
        /** bytes, base64 in JSON */
        BYTES,
        /** a nested message */
        MESSAGE,
        /** a message whose fields are the parent's in JSON (Go's {@code json:",inline"}) */
        INLINE,
        /** intstr.IntOrString: type (1), intVal (2), strVal (3) */
        INT_OR_STRING,
        /** resource.Quantity: its string (1) */
        QUANTITY,
        /** metav1.Time: seconds (1), nanos (2), RFC 3339 in JSON */
        TIME,
        /** map&lt;string,string&gt; as entries key (1), value (2) */
        STRING_MAP,
        /** map&lt;string,bytes&gt;, values base64 in JSON */
        BYTES_MAP,
        /** map&lt;string,Quantity&gt; (resources.limits, spec.hard) */
        QUANTITY_MAP
    }

    /** One row of the table. */
    record Field(int number, String json, Kind kind, boolean repeated, ProtoMessage message) {
    }

    private final String name;
    private final Map<Integer, Field> fields = new HashMap<>();
    private final Set<String> keepZero = new HashSet<>();
    private Field lastAdded;

    private ProtoMessage(String name) {
        this.name = name;
    }

    /** A new, empty message type called {@code name} (the name in {@code generated.proto}). */
    static ProtoMessage message(String name) {
        return new ProtoMessage(name);
    }

    String name() {
        return name;
    }

    private ProtoMessage add(int number, String json, Kind kind, boolean repeated, ProtoMessage message) {
        lastAdded = new Field(number, json, kind, repeated, message);
        if (fields.putIfAbsent(number, lastAdded) != null) {
            throw new IllegalStateException(name + ": field " + number + " declared twice");
        }
        return this;
    }

    ProtoMessage string(int n, String json) {
        return add(n, json, Kind.STRING, false, null);
    }

    ProtoMessage strings(int n, String json) {
        return add(n, json, Kind.STRING, true, null);
    }

    ProtoMessage integer(int n, String json) {
        return add(n, json, Kind.INT, false, null);
    }

    ProtoMessage bool(int n, String json) {
        return add(n, json, Kind.BOOL, false, null);
    }

    ProtoMessage bytes(int n, String json) {
        return add(n, json, Kind.BYTES, false, null);
    }

    ProtoMessage message(int n, String json, ProtoMessage type) {
        return add(n, json, Kind.MESSAGE, false, type);
    }

    ProtoMessage messages(int n, String json, ProtoMessage type) {
        return add(n, json, Kind.MESSAGE, true, type);
    }

    ProtoMessage inline(int n, ProtoMessage type) {
        return add(n, "", Kind.INLINE, false, type);
    }

    ProtoMessage intOrString(int n, String json) {
        return add(n, json, Kind.INT_OR_STRING, false, null);
    }

    ProtoMessage quantity(int n, String json) {
        return add(n, json, Kind.QUANTITY, false, null);
    }

    ProtoMessage time(int n, String json) {
        return add(n, json, Kind.TIME, false, null);
    }

    ProtoMessage stringMap(int n, String json) {
        return add(n, json, Kind.STRING_MAP, false, null);
    }

    ProtoMessage bytesMap(int n, String json) {
        return add(n, json, Kind.BYTES_MAP, false, null);
    }

    ProtoMessage quantityMap(int n, String json) {
        return add(n, json, Kind.QUANTITY_MAP, false, null);
    }

    /** The last field declared is a Go pointer: its zero value is kept (replicas: 0, suspend: false). */
    ProtoMessage keepZero() {
        keepZero.add(lastAdded.json());
        return this;
    }

    /** Decodes the message in {@code r}: as JSON, with {@code path} (such as {@code Deployment}) named in errors. */
    ObjectNode decode(ProtoReader r, String path) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        decodeInto(o, r, path);
        return o;
    }

    private void decodeInto(ObjectNode o, ProtoReader r, String path) {
        while (r.more()) {
            int tag = located(r::varint32, path);
            Field f = fields.get(tag >>> 3);
            if (f == null || !wireTypeFits(f, tag & 7)) {
                located(() -> {
                    r.skip(tag);
                    return null;
                }, path);
                continue;
            }
            String at = f.kind() == Kind.INLINE ? path : path + "." + f.json();
            JsonNode value = located(() -> value(f, r, at, o), at);
            if (value == null) {
                continue;
            }
            if (f.repeated()) {
                o.withArray(f.json()).add(value);
            } else {
                o.set(f.json(), value);
            }
        }
    }

    private static boolean wireTypeFits(Field f, int wireType) {
        return switch (f.kind()) {
            case INT, BOOL -> wireType == 0;
            default -> wireType == 2;
        };
    }

    /** The JSON of one field's value, or null to leave it out. */
    private JsonNode value(Field f, ProtoReader r, String at, ObjectNode parent) {
        JsonNodeFactory json = JsonNodeFactory.instance;
        boolean keep = f.repeated() || keepZero.contains(f.json());
        return switch (f.kind()) {
            case STRING -> {
                String s = r.string();
                yield s.isEmpty() && !keep ? null : json.textNode(s);
            }
            case INT -> {
                long v = r.varint();
                yield v == 0 && !keep ? null : v == (int) v ? json.numberNode((int) v) : json.numberNode(v);
            }
            case BOOL -> {
                boolean b = r.varint() != 0;
                yield !b && !keep ? null : json.booleanNode(b);
            }
            case BYTES -> json.textNode(Base64.getEncoder().encodeToString(r.bytes()));
            case MESSAGE -> f.message().decode(r.message(), at);
            case INLINE -> {
                f.message().decodeInto(parent, r.message(), at);
                yield null;
            }
            case INT_OR_STRING -> intOrString(r.message());
            case QUANTITY -> json.textNode(quantity(r.message()));
            case TIME -> time(r.message());
            case STRING_MAP, BYTES_MAP, QUANTITY_MAP -> {
                mapEntry(f.kind(), r.message(), parent.with(f.json()));
                yield null;
            }
        };
    }

    private static JsonNode intOrString(ProtoReader r) {
        long type = 0;
        long intVal = 0;
        String strVal = "";
        while (r.more()) {
            int tag = r.varint32();
            switch (tag) {
                case (1 << 3) -> type = r.varint();
                case (2 << 3) -> intVal = r.varint();
                case (3 << 3) | 2 -> strVal = r.string();
                default -> r.skip(tag);
            }
        }
        return type == 1 ? JsonNodeFactory.instance.textNode(strVal) : JsonNodeFactory.instance.numberNode((int) intVal);
    }

    private static String quantity(ProtoReader r) {
        String s = "";
        while (r.more()) {
            int tag = r.varint32();
            if (tag == ((1 << 3) | 2)) {
                s = r.string();
            } else {
                r.skip(tag);
            }
        }
        return s;
    }

    /** A Time; the zero time (what Go sends for an unset creationTimestamp) is left out. */
    private static JsonNode time(ProtoReader r) {
        long seconds = 0;
        while (r.more()) {
            int tag = r.varint32();
            if (tag == (1 << 3)) {
                seconds = r.varint();
            } else {
                r.skip(tag);   // nanos: JSON's metav1.Time has whole seconds
            }
        }
        return seconds == 0 ? null : JsonNodeFactory.instance.textNode(Instant.ofEpochSecond(seconds).toString());
    }

    /** One map entry, key (1) and value (2), added to {@code map}. */
    private static void mapEntry(Kind kind, ProtoReader r, ObjectNode map) {
        String key = "";
        JsonNode value = JsonNodeFactory.instance.textNode("");
        while (r.more()) {
            int tag = r.varint32();
            if (tag == ((1 << 3) | 2)) {
                key = r.string();
            } else if (tag == ((2 << 3) | 2)) {
                value = JsonNodeFactory.instance.textNode(switch (kind) {
                    case BYTES_MAP -> Base64.getEncoder().encodeToString(r.bytes());
                    case QUANTITY_MAP -> quantity(r.message());
                    default -> new String(r.bytes(), StandardCharsets.UTF_8);
                });
            } else {
                r.skip(tag);
            }
        }
        map.set(key, value);
    }

    /** Runs {@code read}; a malformed body's 400 names the field being read, once (the innermost). */
    private static <T> T located(Supplier<T> read, String at) {
        try {
            return read.get();
        } catch (ApiException e) {
            String m = e.getMessage();
            if (m != null && m.contains("protobuf body") && !m.contains(" at ")) {
                throw ApiException.badRequest(m + " at " + at);
            }
            throw e;
        }
    }
}
