package kubelab.store.durable;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.zip.CRC32C;

/**
 * One entry of the write-ahead log: a change to the store at a revision. On disk it is
 * {@code length (4 bytes) · CRC-32C of the payload (4) · payload}, the payload being
 * {@code operation (1) · revision (8) · key length (4) · key · value length (4) · value}.
 * The length says where the record ends; the checksum says whether all of it reached the disk.
 *
 * <p>Real Kubernetes: etcd's WAL ({@code server/storage/wal}) frames each Raft entry with its
 * length and a CRC the same way, and drops a torn tail on repair.
 */
record LogRecord(Op op, long revision, String key, byte[] value) {
    /** The header: length and checksum. */
    static final int HEADER = 8;
    /** A record longer than this is taken as garbage, not as a record (a torn length). */
    static final int MAX_PAYLOAD = 64 << 20;

    /** What a record does. */
    enum Op {
        /** A create or an update: the key's new value, written at {@code revision}. */
        PUT,
        /** A delete, at {@code revision}. */
        DELETE,
        /** A compaction up to {@code revision} (no revision of its own). */
        COMPACT
    }

    static LogRecord put(long revision, String key, byte[] value) {
        return new LogRecord(Op.PUT, revision, key, value);
    }

    static LogRecord delete(long revision, String key) {
        return new LogRecord(Op.DELETE, revision, key, new byte[0]);
    }

    static LogRecord compact(long revision) {
        return new LogRecord(Op.COMPACT, revision, "", new byte[0]);
    }

    /** The record framed for the log: header, then payload. */
    ByteBuffer encode() {
        byte[] k = key.getBytes(StandardCharsets.UTF_8);
        int payload = 1 + 8 + 4 + k.length + 4 + value.length;
        ByteBuffer buf = ByteBuffer.allocate(HEADER + payload);
        buf.position(HEADER);
        buf.put((byte) op.ordinal()).putLong(revision).putInt(k.length).put(k).putInt(value.length).put(value);
        CRC32C crc = new CRC32C();
        crc.update(buf.array(), HEADER, payload);
        buf.putInt(0, payload).putInt(4, (int) crc.getValue());
        buf.flip();
        return buf;
    }

    /** Decodes a payload whose checksum was already checked. */
    static LogRecord decode(ByteBuffer payload) {
        int opIndex = payload.get();
        if (opIndex < 0 || opIndex >= Op.values().length) {
            throw new IllegalArgumentException("unknown operation " + opIndex);
        }
        long revision = payload.getLong();
        byte[] k = new byte[payload.getInt()];
        payload.get(k);
        byte[] v = new byte[payload.getInt()];
        payload.get(v);
        return new LogRecord(Op.values()[opIndex], revision, new String(k, StandardCharsets.UTF_8), v);
    }

    static int checksum(byte[] bytes, int offset, int length) {
        CRC32C crc = new CRC32C();
        crc.update(bytes, offset, length);
        return (int) crc.getValue();
    }
}
