package kubelab.server;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;

/**
 * A protobuf wire-format writer for tests: builds a message field by field, by number, as the Go
 * code generated from {@code generated.proto} would, so a test can send what kubectl sends.
 */
final class ProtoWriter {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    static ProtoWriter message() {
        return new ProtoWriter();
    }

    ProtoWriter varint(int field, long value) {
        tag(field, 0);
        raw(value);
        return this;
    }

    ProtoWriter string(int field, String value) {
        return bytes(field, value.getBytes(StandardCharsets.UTF_8));
    }

    ProtoWriter bytes(int field, byte[] value) {
        tag(field, 2);
        raw(value.length);
        out.writeBytes(value);
        return this;
    }

    ProtoWriter message(int field, ProtoWriter value) {
        return bytes(field, value.toBytes());
    }

    /** One entry of a map&lt;string,string&gt; field. */
    ProtoWriter entry(int field, String key, String value) {
        return message(field, message().string(1, key).string(2, value));
    }

    /** An IntOrString: type 0 with intVal, as Go writes every field of it. */
    static ProtoWriter intOrString(int value) {
        return message().varint(1, 0).varint(2, value).string(3, "");
    }

    /** An IntOrString: type 1 with strVal. */
    static ProtoWriter intOrString(String value) {
        return message().varint(1, 1).varint(2, 0).string(3, value);
    }

    byte[] toBytes() {
        return out.toByteArray();
    }

    /** {@code object} in the {@code k8s\0} envelope (runtime.Unknown), as a request body. */
    static byte[] envelope(String apiVersion, String kind, ProtoWriter object) {
        ProtoWriter unknown = message()
                .message(1, message().string(1, apiVersion).string(2, kind))
                .message(2, object)
                .string(3, "").string(4, "");
        byte[] body = unknown.toBytes();
        byte[] all = new byte[body.length + 4];
        System.arraycopy(new byte[] {'k', '8', 's', 0}, 0, all, 0, 4);
        System.arraycopy(body, 0, all, 4, body.length);
        return all;
    }

    private void tag(int field, int wireType) {
        raw(((long) field << 3) | wireType);
    }

    private void raw(long v) {
        while ((v & ~0x7FL) != 0) {
            out.write((int) ((v & 0x7F) | 0x80));
            v >>>= 7;
        }
        out.write((int) v);
    }
}
