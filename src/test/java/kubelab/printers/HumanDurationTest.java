package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("chapter1")
class HumanDurationTest {

    private static final Duration DAY = Duration.ofDays(1);
    private static final Duration YEAR = Duration.ofDays(365);
    private static final Duration MS = Duration.ofMillis(1);

    // Each boundary of Kubernetes' HumanDuration, just below and at it.
    static Stream<Arguments> boundaries() {
        return Stream.of(
                Arguments.of(Duration.ZERO, "0s"),
                Arguments.of(Duration.ofSeconds(45), "45s"),
                Arguments.of(Duration.ofMinutes(2).minus(MS), "119s"),
                Arguments.of(Duration.ofMinutes(2), "2m"),
                Arguments.of(Duration.ofSeconds(5 * 60 + 10), "5m10s"),
                Arguments.of(Duration.ofMinutes(10).minus(MS), "9m59s"),
                Arguments.of(Duration.ofMinutes(10), "10m"),
                Arguments.of(Duration.ofHours(3).minus(MS), "179m"),
                Arguments.of(Duration.ofHours(3), "3h"),
                Arguments.of(Duration.ofMinutes(3 * 60 + 5), "3h5m"),
                Arguments.of(Duration.ofHours(8).minus(MS), "7h59m"),
                Arguments.of(Duration.ofHours(8), "8h"),
                Arguments.of(Duration.ofHours(48).minus(MS), "47h"),
                Arguments.of(Duration.ofHours(48), "2d"),
                Arguments.of(Duration.ofHours(51), "2d3h"),
                Arguments.of(DAY.multipliedBy(8).minus(MS), "7d23h"),
                Arguments.of(DAY.multipliedBy(8), "8d"),
                Arguments.of(DAY.multipliedBy(9), "9d"),
                Arguments.of(DAY.multipliedBy(367), "367d"),
                Arguments.of(YEAR.multipliedBy(2).minus(MS), "729d"),
                Arguments.of(YEAR.multipliedBy(2), "2y"),
                Arguments.of(YEAR.multipliedBy(2).plus(DAY.multipliedBy(3)), "2y3d"),
                Arguments.of(YEAR.multipliedBy(8).minus(MS), "7y364d"),
                Arguments.of(YEAR.multipliedBy(8), "8y"),
                Arguments.of(YEAR.multipliedBy(9).plus(DAY.multipliedBy(100)), "9y"));
    }

    @ParameterizedTest(name = "{0} is {1}")
    @MethodSource("boundaries")
    @DisplayName("AGE keeps two or three significant figures, coarser as things get older")
    void boundaries(Duration d, String expected) {
        assertThat(HumanDuration.format(d)).isEqualTo(expected);
    }

    @Test
    @DisplayName("a timestamp up to a second in the future reads 0s; further ahead it is <invalid>")
    void clockSkew() {
        assertThat(HumanDuration.format(Duration.ofMillis(-1999))).isEqualTo("0s");
        assertThat(HumanDuration.format(Duration.ofMillis(-500))).isEqualTo("0s");
        assertThat(HumanDuration.format(Duration.ofSeconds(-2))).isEqualTo("<invalid>");
        assertThat(HumanDuration.format(Duration.ofHours(-1))).isEqualTo("<invalid>");
    }

    @Test
    @DisplayName("an object without a creation timestamp has AGE <unknown>")
    void unknown() {
        Instant now = Instant.parse("2026-11-27T12:00:00Z");
        assertThat(HumanDuration.since(null, now)).isEqualTo("<unknown>");
        assertThat(HumanDuration.since(now.minusSeconds(90), now)).isEqualTo("90s");
    }
}
