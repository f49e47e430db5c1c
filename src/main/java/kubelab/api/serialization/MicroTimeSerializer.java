package kubelab.api.serialization;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.SerializerProvider;
import com.fasterxml.jackson.databind.ser.std.StdSerializer;
import java.io.IOException;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * Writes an {@link Instant} as {@code metav1.MicroTime}: RFC 3339 in UTC with exactly six
 * fractional digits, {@code 2026-01-01T00:00:00.000000Z}. Put it on the fields Kubernetes types as
 * MicroTime ({@code Event.eventTime}, a Lease's {@code acquireTime} and {@code renewTime}):
 *
 * <pre>{@code @JsonSerialize(using = MicroTimeSerializer.class) Instant renewTime}</pre>
 *
 * <p>Reading needs nothing special: {@link Json} reads any RFC 3339 time, with or without a
 * fraction or an offset. Every other {@code Instant} prints as {@code metav1.Time}, in whole seconds.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/apis/meta/v1/micro_time.go}.
 */
public final class MicroTimeSerializer extends StdSerializer<Instant> {
    /** {@code RFC3339Micro} as Go spells it: {@code 2006-01-02T15:04:05.000000Z07:00}, always in UTC. */
    public static final DateTimeFormatter FORMAT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    public MicroTimeSerializer() {
        super(Instant.class);
    }

    @Override
    public void serialize(Instant value, JsonGenerator gen, SerializerProvider provider) throws IOException {
        gen.writeString(FORMAT.format(value));
    }
}
