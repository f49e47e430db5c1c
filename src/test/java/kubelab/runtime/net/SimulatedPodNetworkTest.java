package kubelab.runtime.net;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("the flat pod network: every pod IP reachable from everywhere")
class SimulatedPodNetworkTest {

    private final SimulatedPodNetwork network = new SimulatedPodNetwork();

    @Test
    @DisplayName("a listening server answers; after close the connection is refused")
    void listenAndClose() {
        var listener = network.listen("10.244.1.2", 80, (m, p, h) -> PodNetwork.HttpResponse.of(200, "hi " + p));

        assertThat(network.dial("10.244.1.2", 80)).isTrue();
        assertThat(network.http("GET", "10.244.1.2", 80, "/x", Map.of()).body()).isEqualTo("hi /x");
        listener.close();
        assertThat(network.dial("10.244.1.2", 80)).isFalse();
        assertThatThrownBy(() -> network.http("GET", "10.244.1.2", 80, "/", Map.of()))
                .isInstanceOf(PodNetwork.ConnectionRefused.class)
                .hasMessage("dial tcp 10.244.1.2:80: connect: connection refused");
    }

    @Test
    @DisplayName("two servers cannot listen on the same IP and port")
    void addressInUse() {
        network.listen("10.244.1.2", 80, (m, p, h) -> PodNetwork.HttpResponse.of(200, ""));

        assertThatThrownBy(() -> network.listen("10.244.1.2", 80, (m, p, h) -> PodNetwork.HttpResponse.of(200, "")))
                .hasMessageContaining("address already in use");
        assertThat(network.listening()).containsExactly("10.244.1.2:80");
    }
}
