package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("kubelab serve's --store option")
class ServeStorageTest {
    private static final Path DIR = Path.of("/tmp/kubelab-data");

    @Test
    @DisplayName("without --store the state is kept in memory, or durably under the data directory when --data-dir is given")
    void defaults() {
        assertThat(ServeStorage.parse(null, DIR, false)).isEqualTo(new ServeStorage.Memory());
        assertThat(ServeStorage.parse(null, DIR, true)).isEqualTo(new ServeStorage.Durable(DIR.resolve("store")));
    }

    @Test
    @DisplayName("etcd=URL,URL names every endpoint")
    void etcdEndpoints() {
        assertThat(ServeStorage.parse("etcd=http://127.0.0.1:2379,http://10.0.0.2:2379", DIR, false))
                .isEqualTo(new ServeStorage.Etcd(List.of(URI.create("http://127.0.0.1:2379"), URI.create("http://10.0.0.2:2379"))));
    }

    @Test
    @DisplayName("a value it cannot use is refused with a message naming the option and the value")
    void mistakes() {
        assertThatThrownBy(() -> ServeStorage.parse("redis", DIR, false))
                .hasMessage("--store must be memory, durable or etcd=http://HOST:PORT[,...], got 'redis'");
        assertThatThrownBy(() -> ServeStorage.parse("etcd=127.0.0.1:2379", DIR, false))
                .hasMessageContaining("'127.0.0.1:2379' must look like http://127.0.0.1:2379");
        assertThatThrownBy(() -> ServeStorage.parse("etcd=https://127.0.0.1", DIR, false))
                .hasMessageContaining("plain http, with host and port");
    }
}
