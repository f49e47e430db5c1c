package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault the durable store exists for: {@code kubelab serve --data-dir D} killed with SIGKILL
 * in the middle of writes. What must not happen: an object whose create got a 201 is missing after
 * the restart, or an object is there half-written.
 */
@Tag("chapter1")
@DisplayName("kubelab serve --data-dir, killed with kill -9")
class DurableServeTest {
    private static final int WRITERS = 8;

    @Test
    @DisplayName("after kill -9 during writes and a restart, every create that got a 201 is there, whole; no Secret is in the files in plaintext")
    void everyAcknowledgedWriteSurvivesKill9(@TempDir Path dir) throws Exception {
        Random random = new Random(6);
        int killAfter = 150 + random.nextInt(250);   // acknowledged creates before the kill
        Map<String, String> acknowledged = new ConcurrentHashMap<>();

        ServeProcess first = ServeProcess.start(dir, "--nodes", "0");
        assertThat(first.post("/api/v1/namespaces/default/secrets", "{\"apiVersion\":\"v1\",\"kind\":\"Secret\","
                + "\"metadata\":{\"name\":\"db\"},\"stringData\":{\"password\":\"s3cret-pa55\"}}").statusCode()).isEqualTo(201);
        AtomicInteger next = new AtomicInteger();
        CountDownLatch enough = new CountDownLatch(killAfter);
        ExecutorService pool = Executors.newFixedThreadPool(WRITERS);
        try {
            for (int w = 0; w < WRITERS; w++) {
                pool.submit(() -> {
                    while (true) {
                        String name = "cm-" + next.getAndIncrement();
                        String value = "v".repeat(200) + name;   // long enough to be torn by a kill
                        HttpResponse<String> r;
                        try {
                            r = first.post("/api/v1/namespaces/default/configmaps", "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\","
                                    + "\"metadata\":{\"name\":\"" + name + "\"},\"data\":{\"v\":\"" + value + "\"}}");
                        } catch (Exception e) {
                            return null;   // the server is gone: this write was never acknowledged
                        }
                        if (r.statusCode() == 201) {
                            acknowledged.put(name, value);
                            enough.countDown();
                        }
                    }
                });
            }
            assertThat(enough.await(120, TimeUnit.SECONDS)).as("%d creates acknowledged", killAfter).isTrue();
            first.process().destroyForcibly();   // SIGKILL: no shutdown hook, no flush
            assertThat(first.process().waitFor(20, TimeUnit.SECONDS)).isTrue();
        } finally {
            pool.shutdownNow();
            first.process().destroyForcibly();
        }
        assertThat(acknowledged).hasSizeGreaterThanOrEqualTo(killAfter);

        try (var files = java.nio.file.Files.walk(dir.resolve("store"))) {   // the log and snapshots, read as a thief would
            for (Path f : files.filter(java.nio.file.Files::isRegularFile).toList()) {
                String raw = new String(java.nio.file.Files.readAllBytes(f), java.nio.charset.StandardCharsets.ISO_8859_1);
                assertThat(raw).as("%s holds no Secret in plaintext", f).doesNotContain("s3cret-pa55")
                        .doesNotContain(java.util.Base64.getEncoder().encodeToString("s3cret-pa55".getBytes()));
            }
        }
        ServeProcess second = ServeProcess.start(dir, "--nodes", "0");
        try {
            List<String> missing = new ArrayList<>();
            for (var e : acknowledged.entrySet()) {
                HttpResponse<String> r = second.get("/api/v1/namespaces/default/configmaps/" + e.getKey());
                if (r.statusCode() != 200 || !r.body().contains(e.getValue())) {
                    missing.add(e.getKey() + " (" + r.statusCode() + ")");
                }
            }
            assertThat(missing).as("acknowledged creates missing or changed after the restart").isEmpty();
            assertThat(second.get("/api/v1/namespaces/default/secrets/db").body()).as("the API decodes it")
                    .contains(java.util.Base64.getEncoder().encodeToString("s3cret-pa55".getBytes()));
            HttpResponse<String> list = second.get("/api/v1/namespaces/default/configmaps");
            assertThat(list.statusCode()).isEqualTo(200);
            Matcher values = Pattern.compile("\"v\":\"(v+cm-\\d+)\"").matcher(list.body());
            int whole = 0;
            while (values.find()) {
                assertThat(values.group(1)).as("every stored value is whole").startsWith("v".repeat(200));
                whole++;
            }
            assertThat(whole).as("every ConfigMap listed is whole").isGreaterThanOrEqualTo(acknowledged.size());
        } finally {
            second.process().destroy();
            second.process().waitFor(20, TimeUnit.SECONDS);
            second.process().destroyForcibly();
        }
    }
}
