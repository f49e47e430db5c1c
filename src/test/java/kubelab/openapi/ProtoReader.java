package kubelab.openapi;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A protobuf wire-format reader for tests: splits a message into its fields without a schema, so a
 * test can check the encoding by field number, as {@code protoc --decode_raw} does.
 */
final class ProtoReader {
    /** One field: its number, its wire type, and either a varint or the bytes of a length-delimited value. */
    record Field(int number, int wireType, long varint, byte[] bytes) {
        String string() {
            return new String(bytes, StandardCharsets.UTF_8);
        }

        ProtoReader message() {
            return new ProtoReader(bytes);
        }
    }

    private final List<Field> fields = new ArrayList<>();

    ProtoReader(byte[] data) {
        int[] pos = {0};
        while (pos[0] < data.length) {
            long tag = varint(data, pos);
            int number = (int) (tag >>> 3);
            int wireType = (int) (tag & 7);
            if (wireType == 0) {
                fields.add(new Field(number, wireType, varint(data, pos), null));
            } else if (wireType == 2) {
                int length = (int) varint(data, pos);
                if (length < 0 || pos[0] + length > data.length) {
                    throw new IllegalArgumentException("length past the end at field " + number);
                }
                byte[] value = java.util.Arrays.copyOfRange(data, pos[0], pos[0] + length);
                pos[0] += length;
                fields.add(new Field(number, wireType, 0, value));
            } else {
                throw new IllegalArgumentException("unexpected wire type " + wireType + " at field " + number);
            }
        }
    }

    private static long varint(byte[] data, int[] pos) {
        long value = 0;
        for (int shift = 0; shift < 64; shift += 7) {
            byte b = data[pos[0]++];
            value |= (long) (b & 0x7F) << shift;
            if ((b & 0x80) == 0) {
                return value;
            }
        }
        throw new IllegalArgumentException("varint too long");
    }

    List<Field> all(int number) {
        return fields.stream().filter(f -> f.number() == number).toList();
    }

    List<Field> fields() {
        return fields;
    }

    /** The one length-delimited field with this number, as text. */
    String string(int number) {
        List<Field> found = all(number);
        if (found.size() != 1) {
            throw new AssertionError("expected one field " + number + ", found " + found.size());
        }
        return found.get(0).string();
    }

    ProtoReader message(int number) {
        List<Field> found = all(number);
        if (found.size() != 1) {
            throw new AssertionError("expected one field " + number + ", found " + found.size());
        }
        return found.get(0).message();
    }

    List<String> strings(int number) {
        return all(number).stream().map(Field::string).toList();
    }

    /** The value of the {@code Named*} entry (name 1, value 2) with this name among the fields numbered {@code number}. */
    ProtoReader named(int number, String name) {
        for (Field f : all(number)) {
            ProtoReader entry = f.message();
            if (entry.string(1).equals(name)) {
                return entry.message(2);
            }
        }
        throw new AssertionError("no entry named " + name);
    }

    /** The names of the {@code Named*} entries among the fields numbered {@code number}. */
    List<String> names(int number) {
        return all(number).stream().map(f -> f.message().string(1)).toList();
    }
}
