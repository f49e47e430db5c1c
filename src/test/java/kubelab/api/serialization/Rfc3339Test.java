package kubelab.api.serialization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.SplittableRandom;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class Rfc3339Test {
    record Stamped(Instant at) {
    }

    @Test
    @DisplayName("timestamps print as java.time prints them, in whole seconds, and read back to the same second")
    void roundTrip() {
        SplittableRandom random = new SplittableRandom(42);
        for (int i = 0; i < 10_000; i++) {
            Instant t = Instant.ofEpochSecond(random.nextLong(0, 253_402_300_800L), random.nextInt(1_000_000_000));
            String text = Rfc3339.format(t);
            assertThat(text).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS).toString());
            assertThat(Rfc3339.parseSimple(text)).isEqualTo(t.truncatedTo(ChronoUnit.SECONDS));
        }
        assertThat(Rfc3339.format(Instant.EPOCH)).isEqualTo("1970-01-01T00:00:00Z");
        assertThat(Rfc3339.format(Instant.parse("2024-02-29T23:59:59.999Z"))).isEqualTo("2024-02-29T23:59:59Z");
        assertThat(Rfc3339.format(Instant.parse("-0001-01-01T00:00:00Z"))).isEqualTo("-0001-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("other forms of a time (a fraction, an offset) are left to the general parser, and still decode")
    void otherForms() {
        assertThat(Rfc3339.parseSimple("2026-01-01T00:00:00.5Z")).isNull();
        assertThat(Rfc3339.parseSimple("2026-01-01T01:00:00+01:00")).isNull();
        assertThat(Rfc3339.parseSimple("2026-02-30T00:00:00Z")).isNull();
        assertThat(Json.fromBytes("{\"at\":\"2026-01-01T00:00:00.5Z\"}".getBytes(), Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00.5Z"));
        assertThat(Json.fromBytes("{\"at\":\"2026-01-01T01:00:00+01:00\"}".getBytes(), Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
        assertThat(Json.fromBytes("{\"at\":\"2026-01-01T00:00:00Z\"}".getBytes(), Stamped.class).at())
                .isEqualTo(Instant.parse("2026-01-01T00:00:00Z"));
    }

    @Test
    @DisplayName("a time that is no date at all is refused, naming what could not be read")
    void badTime() {
        assertThatThrownBy(() -> Json.fromBytes("{\"at\":\"2026-02-30T00:00:00Z\"}".getBytes(), Stamped.class))
                .hasMessageContaining("2026-02-30T00:00:00Z");
    }
}
