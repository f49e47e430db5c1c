package kubelab.store.durable;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.EOFException;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.CRC32C;
import java.util.zip.CheckedInputStream;
import java.util.zip.CheckedOutputStream;
import kubelab.store.KeyValue;

/**
 * A snapshot, {@code snapshot-<revision>}: every live key at that revision, with its create and
 * mod revisions and version, then a CRC-32C of all that. It is written to a temporary file,
 * forced to disk and renamed into place, so a crash leaves either the whole snapshot or none;
 * recovery skips a snapshot whose checksum is wrong and uses an older one.
 *
 * <p>Real Kubernetes: etcd's snapshotter ({@code server/etcdserver/api/snap}) writes the state
 * machine the same way, a temporary file renamed, with a CRC.
 */
final class Snapshot {
    static final String PREFIX = "snapshot-";
    private static final int MAGIC = 0x4b4c534e; // "KLSN"

    /** What a snapshot holds. */
    record State(long revision, List<KeyValue> live) {
    }

    private Snapshot() {
    }

    static Path file(Path dir, long revision) {
        return dir.resolve(PREFIX + String.format("%016d", revision));
    }

    static long revision(Path file) {
        return Long.parseLong(file.getFileName().toString().substring(PREFIX.length()));
    }

    /** Writes {@code state} as {@code snapshot-<revision>}: temporary file, force, rename, force the directory. */
    static Path write(Path dir, State state) throws IOException {
        Path target = file(dir, state.revision());
        Path tmp = dir.resolve(target.getFileName() + ".tmp");
        CRC32C crc = new CRC32C();
        try (FileOutputStream file = new FileOutputStream(tmp.toFile());
             DataOutputStream out = new DataOutputStream(new CheckedOutputStream(new BufferedOutputStream(file, 1 << 16), crc))) {
            out.writeInt(MAGIC);
            out.writeLong(state.revision());
            out.writeInt(state.live().size());
            for (KeyValue kv : state.live()) {
                byte[] key = kv.key().getBytes(StandardCharsets.UTF_8);
                out.writeInt(key.length);
                out.write(key);
                out.writeInt(kv.value().length);
                out.write(kv.value());
                out.writeLong(kv.createRevision());
                out.writeLong(kv.modRevision());
                out.writeLong(kv.version());
            }
            out.flush();
            new DataOutputStream(file).writeInt((int) crc.getValue());
            file.getChannel().force(true);
        }
        Files.move(tmp, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        forceDirectory(dir);
        return target;
    }

    /** Reads a snapshot; null if it is incomplete or its checksum is wrong. */
    static State read(Path file) throws IOException {
        CRC32C crc = new CRC32C();
        try (InputStream raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16)) {
            DataInputStream in = new DataInputStream(new CheckedInputStream(raw, crc));
            if (in.readInt() != MAGIC) {
                return null;
            }
            long revision = in.readLong();
            int count = in.readInt();
            List<KeyValue> live = new ArrayList<>(Math.min(count, 1 << 20));
            for (int i = 0; i < count; i++) {
                byte[] key = new byte[in.readInt()];
                in.readFully(key);
                byte[] value = new byte[in.readInt()];
                in.readFully(value);
                live.add(new KeyValue(new String(key, StandardCharsets.UTF_8), value, in.readLong(), in.readLong(), in.readLong()));
            }
            int expected = (int) crc.getValue();
            if (new DataInputStream(raw).readInt() != expected) {
                return null;
            }
            return new State(revision, live);
        } catch (EOFException | NegativeArraySizeException | OutOfMemoryError e) {
            return null;
        }
    }

    /** Makes a rename or a new file in {@code dir} durable (the directory's own entry list). */
    static void forceDirectory(Path dir) throws IOException {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException e) {
            // some file systems cannot open a directory for reading; the rename is then as durable as they make it
        }
    }
}
