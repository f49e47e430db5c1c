package kubelab.store.durable;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kubelab.store.Store;
import kubelab.store.StoreContract;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;

/** The whole store contract, on the durable store (a small snapshot interval, so snapshots happen mid-test). */
@DisplayName("The durable store keeps the store contract")
class DurableStoreTest extends StoreContract {
    private Path dir;

    @Override
    protected Store newStore() {
        try {
            dir = Files.createTempDirectory("kubelab-durable-contract");
            return DurableStore.open(dir, 500);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @AfterEach
    void removeFiles() throws IOException {
        try (var files = Files.walk(dir)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }
}
