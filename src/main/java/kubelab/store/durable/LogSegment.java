package kubelab.store.durable;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kubelab.store.StoreException;

/**
 * Reading one file of the write-ahead log, {@code wal-<revision>}: the records written after
 * that revision, until the next file. What recovery may and may not forgive:
 * <ul>
 *   <li>a last record cut short (its length runs past the end of the file), or a last record
 *       whose checksum is wrong: a write that a crash interrupted, never acknowledged. It is
 *       dropped, and the file is cut back to the records before it;</li>
 *   <li>a bad record with more of the file after it: damage, not an interrupted write. Recovery
 *       refuses, naming the file and the byte offset, instead of silently losing what follows.</li>
 * </ul>
 *
 * <p>Real Kubernetes: etcd's {@code wal.ReadAll}, which repairs a torn tail
 * ({@code io.ErrUnexpectedEOF}) and fails on a CRC mismatch elsewhere.
 */
final class LogSegment {
    static final String PREFIX = "wal-";

    /** The records of a file, and how many of its bytes hold whole records. */
    record Contents(List<LogRecord> records, long validBytes, long fileBytes) {
        boolean torn() {
            return validBytes < fileBytes;
        }
    }

    private LogSegment() {
    }

    static Path file(Path dir, long startRevision) {
        return dir.resolve(PREFIX + String.format("%016d", startRevision));
    }

    static long startRevision(Path file) {
        return Long.parseLong(file.getFileName().toString().substring(PREFIX.length()));
    }

    /**
     * Reads every record of {@code file}.
     *
     * @param last whether this is the newest file, the only one a crash can have left torn
     * @throws StoreException.Unavailable for damage that is not a torn tail
     */
    static Contents read(Path file, boolean last) throws IOException {
        byte[] bytes = Files.readAllBytes(file);
        List<LogRecord> records = new ArrayList<>();
        int at = 0;
        while (at < bytes.length) {
            int remaining = bytes.length - at;
            if (remaining < LogRecord.HEADER) {
                return torn(file, last, records, at, bytes.length, "a header cut short");
            }
            ByteBuffer header = ByteBuffer.wrap(bytes, at, LogRecord.HEADER);
            int length = header.getInt();
            int crc = header.getInt();
            if (length <= 0 || length > LogRecord.MAX_PAYLOAD || length > remaining - LogRecord.HEADER) {
                return torn(file, last, records, at, bytes.length, "a record cut short");
            }
            int end = at + LogRecord.HEADER + length;
            if (LogRecord.checksum(bytes, at + LogRecord.HEADER, length) != crc) {
                if (end == bytes.length) {
                    return torn(file, last, records, at, bytes.length, "a last record with a wrong checksum");
                }
                throw damaged(file, at, "a record with a wrong checksum, followed by " + (bytes.length - end) + " more bytes");
            }
            try {
                records.add(LogRecord.decode(ByteBuffer.wrap(bytes, at + LogRecord.HEADER, length)));
            } catch (RuntimeException e) {
                throw damaged(file, at, "a record that does not decode (" + e.getMessage() + ")");
            }
            at = end;
        }
        return new Contents(records, bytes.length, bytes.length);
    }

    private static Contents torn(Path file, boolean last, List<LogRecord> records, int at, int size, String what)
            throws StoreException.Unavailable {
        if (!last) {
            throw damaged(file, at, what + " in a file that is not the newest");
        }
        return new Contents(records, at, size);
    }

    private static StoreException.Unavailable damaged(Path file, long offset, String what) {
        return new StoreException.Unavailable("the write-ahead log is damaged: " + file + " at byte " + offset + ": " + what
                + "; refusing to start rather than lose the writes after it (restore the directory from a backup, "
                + "or remove the file to start from the last snapshot)");
    }
}
