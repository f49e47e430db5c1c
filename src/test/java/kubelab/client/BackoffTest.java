package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet's back-off")
class BackoffTest {
    private Instant now = Instant.parse("2026-01-01T00:00:00Z");
    private final Backoff backoff = new Backoff(() -> now, Duration.ofSeconds(10), Duration.ofMinutes(5));

    @Test
    @DisplayName("doubles from 10 s up to 5 minutes")
    void doubles() {
        long[] seen = new long[7];
        for (int i = 0; i < seen.length; i++) {
            backoff.next("c", now);
            seen[i] = backoff.get("c").toSeconds();
        }
        assertThat(seen).containsExactly(10, 20, 40, 80, 160, 300, 300);
    }

    @Test
    @DisplayName("starts over when not bumped for twice the maximum (10 minutes)")
    void resets() {
        backoff.next("c", now);
        backoff.next("c", now);
        assertThat(backoff.get("c")).isEqualTo(Duration.ofSeconds(20));
        now = now.plus(Duration.ofMinutes(10)).plusSeconds(1);
        assertThat(backoff.isInBackOffSince("c", now)).isFalse();
        backoff.next("c", now);
        assertThat(backoff.get("c")).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("is in back-off until the delay has passed since the event")
    void inBackOff() {
        backoff.next("c", now);
        Instant exited = now;
        now = now.plusSeconds(9);
        assertThat(backoff.isInBackOffSince("c", exited)).isTrue();
        assertThat(backoff.remainingSince("c", exited)).isEqualTo(Duration.ofSeconds(1));
        now = now.plusSeconds(1);
        assertThat(backoff.isInBackOffSince("c", exited)).isFalse();
    }
}
