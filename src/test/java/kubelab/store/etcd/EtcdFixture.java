package kubelab.store.etcd;

import static org.assertj.core.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;

/**
 * Starts a real etcd for a test class. Without {@code /usr/bin/etcd} the tests are skipped, with
 * the install hint, unless {@code KUBELAB_REQUIRE_ETCD=1} (as {@code ./kubelab test} and CI set
 * it): then they fail, so CI never passes by skipping them.
 */
final class EtcdFixture {
    private EtcdFixture() {
    }

    static LocalEtcd start() throws IOException {
        if (!LocalEtcd.installed()) {
            if ("1".equals(System.getenv("KUBELAB_REQUIRE_ETCD"))) {
                fail(LocalEtcd.INSTALL_HINT);
            }
            assumeTrue(false, LocalEtcd.INSTALL_HINT);
        }
        return LocalEtcd.start();
    }
}
