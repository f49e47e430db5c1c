package kubelab.store.durable;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The child process of {@link DurableStoreCrashTest}: opens a durable store in the directory given
 * as its argument and creates keys from 8 threads forever, printing each key on stdout only after
 * {@code create} returned (the write is acknowledged). The parent kills it with SIGKILL mid-stream.
 *
 * <p>Each value is {@code <key>|<filler>|<key>}, so a value cut short or mixed with another is
 * visible to the parent. Real Kubernetes: the crash etcd's robustness tests provoke with failpoints.
 */
public final class CrashWriter {
    static final int THREADS = 8;

    private CrashWriter() {
    }

    /** The value written under {@code key}: the key at both ends, filler between. */
    static String valueFor(String key) {
        return key + "|" + "x".repeat(200) + "|" + key;
    }

    public static void main(String[] args) throws Exception {
        DurableStore store = DurableStore.open(Path.of(args[0]), 200);   // snapshots happen mid-run too
        List<Thread> threads = new ArrayList<>();
        for (int t = 0; t < THREADS; t++) {
            int id = t;
            Thread thread = new Thread(() -> {
                for (long i = 0; ; i++) {
                    String key = "/registry/crash/w" + id + "-" + i;
                    store.create(key, valueFor(key).getBytes(StandardCharsets.UTF_8));
                    synchronized (System.out) {
                        System.out.println(key);
                        System.out.flush();
                    }
                }
            });
            thread.start();
            threads.add(thread);
        }
        for (Thread thread : threads) {
            thread.join();
        }
    }
}
