package kubelab.api.core;

import java.time.Instant;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.MicroTime;
import kubelab.api.meta.ObjectMeta;

/**
 * A report that something happened to an object ({@code involvedObject}): a CamelCase
 * {@code reason} such as {@code Scheduled} or {@code FailedMount}, a human {@code message}, and a
 * {@code type} of {@value #TYPE_NORMAL} or {@value #TYPE_WARNING}. Repeats of the same event are
 * folded into one object by raising {@code count} and {@code lastTimestamp}. This is what
 * {@code kubectl describe} lists under "Events".
 *
 * <p>Older recorders fill {@code source}, {@code firstTimestamp} and {@code lastTimestamp}; newer
 * ones fill {@code eventTime}, {@code series}, {@code reportingComponent} and
 * {@code reportingInstance}. Both sets are kept.
 *
 * <p>Real Kubernetes: {@code corev1.Event}, written through client-go's {@code tools/record}.
 */
public record Event(
        String apiVersion,
        String kind,
        ObjectMeta metadata,
        ObjectReference involvedObject,
        String reason,
        String message,
        EventSource source,
        Instant firstTimestamp,
        Instant lastTimestamp,
        Integer count,
        String type,
        MicroTime eventTime,
        EventSeries series,
        String action,
        ObjectReference related,
        String reportingComponent,
        String reportingInstance) implements KubeObject {

    public static final String KIND = "Event";
    public static final String TYPE_NORMAL = "Normal";
    public static final String TYPE_WARNING = "Warning";

    public Event {
        apiVersion = apiVersion == null ? CoreV1Objects.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    @Override
    public Event withMetadata(ObjectMeta metadata) {
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp,
                lastTimestamp, count, type, eventTime, series, action, related, reportingComponent, reportingInstance);
    }

    /** A copy that records one more occurrence at {@code time}, as the recorder does for a repeat. */
    public Event withRepeat(Instant time) {
        int previous = count == null ? 1 : count;
        return new Event(apiVersion, kind, metadata, involvedObject, reason, message, source, firstTimestamp,
                time, previous + 1, type, eventTime, series, action, related, reportingComponent, reportingInstance);
    }
}
