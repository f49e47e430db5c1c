package kubelab.store.etcd;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import kubelab.store.Store;
import kubelab.store.StoreContract;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;

/**
 * The whole store contract against a real etcd: one etcd for the class, and for each test a key
 * space of its own (a root prefix, as kube-apiserver's {@code --etcd-prefix}), so each starts
 * with no keys while etcd's revision goes on from the tests before.
 */
@Tag("etcd")
@DisplayName("The etcd store keeps the store contract, against a real etcd")
class EtcdStoreTest extends StoreContract {
    private static LocalEtcd etcd;
    private static final AtomicInteger TESTS = new AtomicInteger();

    @BeforeAll
    static void startEtcd() throws IOException {
        etcd = EtcdFixture.start();
    }

    @AfterAll
    static void stopEtcd() {
        if (etcd != null) {
            etcd.close();
        }
    }

    @Override
    protected Store newStore() {
        return EtcdStore.connect(List.of(etcd.endpoint()), "/test-" + TESTS.incrementAndGet());
    }
}
