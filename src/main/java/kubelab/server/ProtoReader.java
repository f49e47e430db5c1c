package kubelab.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import kubelab.apiserver.ApiException;

/**
 * Just enough of the protobuf wire format to read what kubectl 1.32 sends as protobuf and this
 * server must understand: the {@code k8s\0} envelope ({@code runtime.Unknown}: type meta, then the
 * raw object) and a SelfSubjectAccessReview, for {@code kubectl auth can-i}. Every other protobuf
 * body is refused with 415, naming what to do instead.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/runtime/serializer/protobuf} and the
 * generated {@code Unmarshal} of {@code k8s.io/api/authorization/v1}.
 */
final class ProtoReader {
    private static final byte[] MAGIC = {'k', '8', 's', 0};

    private final byte[] buf;
    private int pos;
    private final int end;

    private ProtoReader(byte[] buf, int from, int to) {
        this.buf = buf;
        this.pos = from;
        this.end = to;
    }

    /** The kind named in a {@code k8s\0} envelope, and the object's own bytes. */
    record Envelope(String apiVersion, String kind, byte[] raw) {
    }

    static Envelope envelope(byte[] body) {
        if (body.length < 4 || !Arrays.equals(Arrays.copyOf(body, 4), MAGIC)) {
            throw ApiException.badRequest("a protobuf body must start with the k8s\\0 envelope");
        }
        ProtoReader r = new ProtoReader(body, 4, body.length);
        String apiVersion = "";
        String kind = "";
        byte[] raw = new byte[0];
        while (r.more()) {
            int tag = r.varint32();
            switch (tag) {
                case (1 << 3) | 2 -> {
                    ProtoReader meta = r.message();
                    while (meta.more()) {
                        int t = meta.varint32();
                        if (t == ((1 << 3) | 2)) {
                            apiVersion = meta.string();
                        } else if (t == ((2 << 3) | 2)) {
                            kind = meta.string();
                        } else {
                            meta.skip(t);
                        }
                    }
                }
                case (2 << 3) | 2 -> raw = r.bytes();
                default -> r.skip(tag);
            }
        }
        return new Envelope(apiVersion, kind, raw);
    }

    /** The {@code spec} of a SelfSubjectAccessReview, as JSON. */
    static ObjectNode selfSubjectAccessReviewSpec(byte[] raw) {
        JsonNodeFactory f = JsonNodeFactory.instance;
        ObjectNode spec = f.objectNode();
        ProtoReader r = new ProtoReader(raw, 0, raw.length);
        while (r.more()) {
            int tag = r.varint32();
            if (tag != ((2 << 3) | 2)) {
                r.skip(tag);
                continue;
            }
            ProtoReader s = r.message();
            while (s.more()) {
                int t = s.varint32();
                if (t == ((1 << 3) | 2)) {
                    spec.set("resourceAttributes", strings(s.message(),
                            "namespace", "verb", "group", "version", "resource", "subresource", "name"));
                } else if (t == ((2 << 3) | 2)) {
                    spec.set("nonResourceAttributes", strings(s.message(), "path", "verb"));
                } else {
                    s.skip(t);
                }
            }
        }
        return spec;
    }

    /**
     * The kinds whose protobuf form is metadata plus string maps, which kubectl 1.32's
     * {@code create namespace|configmap|secret|serviceaccount} sends: as JSON, or null for any other kind.
     */
    static ObjectNode simpleObject(Envelope e) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        o.put("apiVersion", e.apiVersion());
        o.put("kind", e.kind());
        ProtoReader r = new ProtoReader(e.raw(), 0, e.raw().length);
        boolean secret = e.kind().equals("Secret");
        switch (e.apiVersion() + "/" + e.kind()) {
            case "v1/Namespace", "v1/ConfigMap", "v1/Secret", "v1/ServiceAccount" -> { }
            default -> {
                return null;
            }
        }
        while (r.more()) {
            int tag = r.varint32();
            int field = tag >>> 3;
            if (field == 1 && (tag & 7) == 2) {
                o.set("metadata", objectMeta(r.message()));
            } else if (field == 2 && (tag & 7) == 2 && (e.kind().equals("ConfigMap") || secret)) {
                Map.Entry<String, byte[]> entry = r.message().mapEntry();
                o.with("data").put(entry.getKey(), secret ? Base64.getEncoder().encodeToString(entry.getValue())
                        : new String(entry.getValue(), StandardCharsets.UTF_8));
            } else if (field == 3 && secret && (tag & 7) == 2) {
                o.put("type", r.string());
            } else {
                r.skip(tag);
            }
        }
        return o;
    }

    /** ObjectMeta's name (1), generateName (2), namespace (3), labels (11) and annotations (12). */
    private static ObjectNode objectMeta(ProtoReader r) {
        ObjectNode meta = JsonNodeFactory.instance.objectNode();
        while (r.more()) {
            int tag = r.varint32();
            switch (tag >>> 3) {
                case 1 -> meta.put("name", r.string());
                case 2 -> meta.put("generateName", r.string());
                case 3 -> meta.put("namespace", r.string());
                case 11, 12 -> {
                    Map.Entry<String, byte[]> entry = r.message().mapEntry();
                    meta.with((tag >>> 3) == 11 ? "labels" : "annotations")
                            .put(entry.getKey(), new String(entry.getValue(), StandardCharsets.UTF_8));
                }
                default -> r.skip(tag);
            }
        }
        return meta;
    }

    /** A map entry: key (1), value (2). */
    private Map.Entry<String, byte[]> mapEntry() {
        String key = "";
        byte[] value = new byte[0];
        while (more()) {
            int tag = varint32();
            if (tag == ((1 << 3) | 2)) {
                key = string();
            } else if (tag == ((2 << 3) | 2)) {
                value = bytes();
            } else {
                skip(tag);
            }
        }
        return Map.entry(key, value);
    }

    /** The string fields 1, 2, ... of a message, by these names. */
    private static ObjectNode strings(ProtoReader r, String... names) {
        ObjectNode o = JsonNodeFactory.instance.objectNode();
        while (r.more()) {
            int t = r.varint32();
            int field = t >>> 3;
            if ((t & 7) == 2 && field >= 1 && field <= names.length) {
                String v = r.string();
                if (!v.isEmpty()) {
                    o.put(names[field - 1], v);
                }
            } else {
                r.skip(t);
            }
        }
        return o;
    }

    private boolean more() {
        return pos < end;
    }

    private long varint() {
        long v = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            if (pos >= end) {
                throw ApiException.badRequest("truncated protobuf body");
            }
            byte b = buf[pos++];
            v |= (long) (b & 0x7f) << shift;
            if (b >= 0) {
                return v;
            }
        }
        throw ApiException.badRequest("malformed varint in protobuf body");
    }

    private int varint32() {
        return (int) varint();
    }

    private int length() {
        long n = varint();
        if (n < 0 || pos + n > end) {
            throw ApiException.badRequest("truncated protobuf body");
        }
        return (int) n;
    }

    private byte[] bytes() {
        int n = length();
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    private String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    private ProtoReader message() {
        int n = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + n);
        pos += n;
        return r;
    }

    private void skip(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> pos += 8;
            case 2 -> {
                int n = length();   // read first: `pos += length()` would add to the old pos
                pos += n;
            }
            case 5 -> pos += 4;
            default -> throw ApiException.badRequest("unsupported protobuf wire type " + (tag & 7));
        }
    }
}
