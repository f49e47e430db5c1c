package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class RateLimiterTest {

    @Test
    @DisplayName("failures back off exponentially: 5ms, 10ms, 20ms ... capped at 1000s; forget resets the count")
    void exponential() {
        var limiter = new ItemExponentialFailureRateLimiter<String>(Duration.ofMillis(5), Duration.ofSeconds(1000));

        List<Duration> delays = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            delays.add(limiter.when("web"));
        }

        assertThat(delays.subList(0, 4)).containsExactly(
                Duration.ofMillis(5), Duration.ofMillis(10), Duration.ofMillis(20), Duration.ofMillis(40));
        assertThat(delays.get(17)).isEqualTo(Duration.ofMillis(5L << 17));   // 655.36 s
        assertThat(delays.get(18)).isEqualTo(Duration.ofSeconds(1000));      // 1310.72 s, capped
        assertThat(delays.get(19)).isEqualTo(Duration.ofSeconds(1000));
        assertThat(limiter.numRequeues("web")).isEqualTo(20);
        assertThat(limiter.when("db")).isEqualTo(Duration.ofMillis(5));      // per item

        limiter.forget("web");
        assertThat(limiter.numRequeues("web")).isZero();
        assertThat(limiter.when("web")).isEqualTo(Duration.ofMillis(5));
    }

    @Test
    @DisplayName("the fast-slow limiter retries quickly a few times, then slowly")
    void fastSlow() {
        var limiter = new ItemFastSlowRateLimiter<String>(Duration.ofMillis(10), Duration.ofSeconds(10), 2);

        assertThat(List.of(limiter.when("a"), limiter.when("a"), limiter.when("a")))
                .containsExactly(Duration.ofMillis(10), Duration.ofMillis(10), Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("the token bucket lets a burst through, then spaces retries at its rate, refilling in virtual time")
    void bucket() {
        SimulatedLoop loop = new SimulatedLoop(1);
        var bucket = new BucketRateLimiter<String>(loop.clock(), 10, 100);

        for (int i = 0; i < 100; i++) {
            assertThat(bucket.when("item-" + i)).isZero();
        }
        assertThat(bucket.when("one too many")).isEqualTo(Duration.ofMillis(100));
        assertThat(bucket.when("and another")).isEqualTo(Duration.ofMillis(200));

        loop.advance(Duration.ofSeconds(60));
        assertThat(bucket.when("after a rest")).isZero();
    }

    @Test
    @DisplayName("the default controller limiter waits for the longer of per-item back-off and the overall bucket")
    void defaultControllerRateLimiter() {
        SimulatedLoop loop = new SimulatedLoop(1);
        RateLimiter<String> limiter = RateLimiter.defaultControllerRateLimiter(loop.clock());

        assertThat(limiter.when("web")).isEqualTo(Duration.ofMillis(5));
        assertThat(limiter.when("web")).isEqualTo(Duration.ofMillis(10));
        for (int i = 0; i < 98; i++) {
            limiter.when("other-" + i);          // the burst of 100 is now spent
        }
        assertThat(limiter.when("fresh")).isEqualTo(Duration.ofMillis(100)); // the bucket wins over 5 ms
        assertThat(limiter.numRequeues("web")).isEqualTo(2);

        limiter.forget("web");
        assertThat(limiter.numRequeues("web")).isZero();
    }
}
