package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Objects;

/**
 * A timestamp kept to the microsecond, printed as RFC 3339 with six fractional digits
 * ({@code 2026-01-01T00:00:00.000000Z}). Leases and Events use it where whole seconds are too
 * coarse: two renewals of a lease within one second must still be told apart.
 *
 * <p>Real Kubernetes: {@code metav1.MicroTime}.
 */
public record MicroTime(Instant time) implements Comparable<MicroTime> {
    private static final DateTimeFormatter RFC3339_MICRO =
            DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSSX").withZone(ZoneOffset.UTC);

    public MicroTime {
        time = Objects.requireNonNull(time, "time").truncatedTo(ChronoUnit.MICROS);
    }

    public static MicroTime of(Instant time) {
        return new MicroTime(time);
    }

    /** Reads RFC 3339 with or without a fraction and with any offset, as Go's parser does. */
    @JsonCreator
    public static MicroTime parse(String text) {
        return new MicroTime(OffsetDateTime.parse(text, DateTimeFormatter.ISO_OFFSET_DATE_TIME).toInstant());
    }

    @Override
    public int compareTo(MicroTime other) {
        return time.compareTo(other.time);
    }

    @JsonValue
    @Override
    public String toString() {
        return RFC3339_MICRO.format(time);
    }
}
