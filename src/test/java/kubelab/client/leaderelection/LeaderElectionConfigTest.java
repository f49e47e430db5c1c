package kubelab.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

class LeaderElectionConfigTest {

    static Stream<Arguments> badConfigs() {
        return Stream.of(
                Arguments.of("lease no longer than the renew deadline", 10, 10, 2,
                        "leaseDuration must be greater than renewDeadline"),
                Arguments.of("renew deadline within one jittered retry", 15, 2, 2,
                        "renewDeadline must be greater than retryPeriod*JitterFactor"),
                Arguments.of("no retry period", 15, 10, 0, "retryPeriod must be greater than zero"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badConfigs")
    @DisplayName("durations that could let two leaders overlap are refused, with client-go's message")
    void badDurationsAreRefused(String name, int lease, int renew, int retry, String message) {
        assertThatThrownBy(() -> new LeaderElectionConfig("kube-system", "kube-scheduler", "a",
                Duration.ofSeconds(lease), Duration.ofSeconds(renew), Duration.ofSeconds(retry), true))
                .isInstanceOf(IllegalArgumentException.class).hasMessage(message);
    }

    @Test
    @DisplayName("a candidate needs an identity")
    void identityIsRequired() {
        assertThatThrownBy(() -> LeaderElectionConfig.defaults("kube-system", "kube-scheduler", ""))
                .hasMessage("Lock identity is empty");
    }

    @Test
    @DisplayName("Kubernetes' defaults: 15 s lease, 10 s renew deadline, 2 s retry")
    void defaults() {
        LeaderElectionConfig c = LeaderElectionConfig.defaults("kube-system", "kube-controller-manager", "a");
        assertThat(c.leaseDuration()).hasSeconds(15);
        assertThat(c.renewDeadline()).hasSeconds(10);
        assertThat(c.retryPeriod()).hasSeconds(2);
        assertThat(c.describeLock()).isEqualTo("kube-system/kube-controller-manager");
    }

    @Test
    @DisplayName("an identity is the hostname and a UUID, the same for the same seed")
    void identityIsHostnameAndUuid() {
        String first = LeaderElectionConfig.identity("node-1", new Random(3));
        assertThat(first).matches("node-1_[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(LeaderElectionConfig.identity("node-1", new Random(3))).isEqualTo(first);
        assertThat(LeaderElectionConfig.identity("node-1", new Random(4))).isNotEqualTo(first);
    }
}
