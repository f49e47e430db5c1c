package kubelab.server;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import kubelab.apiserver.ApiException;

/**
 * Just enough of the protobuf wire format to read what kubectl 1.32 sends as protobuf and this
 * server must understand: the {@code k8s\0} envelope ({@code runtime.Unknown}: type meta, then the
 * raw object), a SelfSubjectAccessReview for {@code kubectl auth can-i}, and the primitives
 * (varints, length-delimited fields, skipping) that {@link ProtoMessage} decodes objects with.
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

    /** A reader over the whole of {@code raw}. */
    static ProtoReader of(byte[] raw) {
        return new ProtoReader(raw, 0, raw.length);
    }

    boolean more() {
        return pos < end;
    }

    long varint() {
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

    int varint32() {
        return (int) varint();
    }

    private int length() {
        long n = varint();
        if (n < 0 || pos + n > end) {
            throw ApiException.badRequest("truncated protobuf body");
        }
        return (int) n;
    }

    byte[] bytes() {
        int n = length();
        byte[] b = Arrays.copyOfRange(buf, pos, pos + n);
        pos += n;
        return b;
    }

    String string() {
        int n = length();
        String s = new String(buf, pos, n, StandardCharsets.UTF_8);
        pos += n;
        return s;
    }

    ProtoReader message() {
        int n = length();
        ProtoReader r = new ProtoReader(buf, pos, pos + n);
        pos += n;
        return r;
    }

    void skip(int tag) {
        switch (tag & 7) {
            case 0 -> varint();
            case 1 -> fixed(8);
            case 2 -> {
                int n = length();   // read first: `pos += length()` would add to the old pos
                pos += n;
            }
            case 5 -> fixed(4);
            default -> throw ApiException.badRequest("unsupported protobuf wire type " + (tag & 7)
                    + " (field " + (tag >>> 3) + ")");
        }
    }

    private void fixed(int n) {
        if (pos + n > end) {
            throw ApiException.badRequest("truncated protobuf body");
        }
        pos += n;
    }
}
