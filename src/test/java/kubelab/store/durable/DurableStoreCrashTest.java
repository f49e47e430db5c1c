package kubelab.store.durable;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import kubelab.store.KeyValue;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A process killed with SIGKILL in the middle of writing loses nothing it acknowledged. */
@DisplayName("The durable store, after kill -9")
class DurableStoreCrashTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("every write acknowledged before kill -9 is there after reopening, and no value is half-written")
    void killNineLosesNoAcknowledgedWrite() throws Exception {
        int acksBeforeKill = 300 + new Random(20261128L).nextInt(700);
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process child = new ProcessBuilder(java, "-cp", System.getProperty("java.class.path"),
                CrashWriter.class.getName(), dir.toString())
                .redirectError(ProcessBuilder.Redirect.INHERIT).start();
        List<String> acked = new ArrayList<>();
        try (BufferedReader out = new BufferedReader(
                new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
            String line;
            while (acked.size() < acksBeforeKill && (line = out.readLine()) != null) {
                acked.add(line);
            }
            child.destroyForcibly();   // SIGKILL: no shutdown hooks, no close()
            assertThat(child.waitFor(60, TimeUnit.SECONDS)).as("the child died").isTrue();
        }
        assertThat(acked).as("the child acknowledged writes before it was killed").hasSize(acksBeforeKill);

        try (DurableStore store = DurableStore.open(dir)) {
            for (String key : acked) {
                assertThat(store.get(key)).as("acknowledged key %s", key).isPresent();
            }
            List<KeyValue> all = store.range("/registry/crash/").kvs();
            assertThat(all.size()).as("at least the acknowledged keys").isGreaterThanOrEqualTo(acked.size());
            for (KeyValue kv : all) {
                assertThat(kv.valueAsString()).as("value of %s is whole", kv.key()).isEqualTo(CrashWriter.valueFor(kv.key()));
            }
            assertThat(store.currentRevision()).as("one revision per create, none skipped").isEqualTo(all.size());
        }
    }
}
