package kubelab.openapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * The smallest Protocol Buffers encoder that can write an OpenAPI document: varints, booleans,
 * strings and nested messages, each as a tag (field number and wire type) followed by its value.
 * Fields are written in the order they are given; the caller writes them by field number, as
 * protoc-generated encoders do, so the same document always gives the same bytes.
 *
 * <p>Hand-written rather than taken from {@code protobuf-java}: four wire rules fit in one screen,
 * and a learner can read the encoding of a document end to end.
 *
 * <p>Real Kubernetes: {@code google.golang.org/protobuf/proto.Marshal}, called on the gnostic
 * {@code openapi_v2.Document} by {@code k8s.io/kube-openapi/pkg/handler}.
 */
final class ProtoWriter {
    /** Wire type 0: a varint. */
    static final int VARINT = 0;
    /** Wire type 2: a length, then that many bytes (strings, bytes, nested messages). */
    static final int LENGTH_DELIMITED = 2;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    /** A string field. Proto3 leaves empty strings out, and so does this. */
    ProtoWriter string(int field, String value) {
        if (value != null && !value.isEmpty()) {
            bytes(field, value.getBytes(StandardCharsets.UTF_8));
        }
        return this;
    }

    /** A bool field; false is the default and is left out. */
    ProtoWriter bool(int field, boolean value) {
        if (value) {
            tag(field, VARINT);
            varint(1);
        }
        return this;
    }

    /** A nested message, written even when empty: an empty message is present, unlike an absent one. */
    ProtoWriter message(int field, ProtoWriter message) {
        return bytes(field, message.toByteArray());
    }

    byte[] toByteArray() {
        return out.toByteArray();
    }

    private ProtoWriter bytes(int field, byte[] value) {
        tag(field, LENGTH_DELIMITED);
        varint(value.length);
        out.write(value, 0, value.length);
        return this;
    }

    private void tag(int field, int wireType) {
        varint(((long) field << 3) | wireType);
    }

    /** Seven bits a byte, least significant first; the high bit says another byte follows. */
    private void varint(long value) {
        while ((value & ~0x7FL) != 0) {
            out.write((int) ((value & 0x7F) | 0x80));
            value >>>= 7;
        }
        out.write((int) value);
    }
}
