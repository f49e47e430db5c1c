package kubelab.cluster;

import java.time.Duration;
import kubelab.api.core.Event;

/**
 * One occurrence of an Event, as the cluster's timeline keeps it: when it happened, in virtual
 * time since the cluster started, and the Event as written at that moment (a repeat carries its
 * raised {@code count}).
 *
 * <p>Real Kubernetes: what {@code kubectl get events --watch} shows, one line per occurrence.
 */
public record RecordedEvent(Duration at, Event event) {
    /** {@code pod/nginx}, {@code node/node-1}: the involved object as kubectl names it. */
    public String object() {
        var ref = event.involvedObject();
        return ref.kind().toLowerCase(java.util.Locale.ROOT) + "/" + ref.name();
    }

    public String namespace() {
        return event.involvedObject().namespace();
    }

    public String type() {
        return event.type();
    }

    public String reason() {
        return event.reason();
    }

    public String message() {
        return event.message();
    }

    /** The message on one line: a probe's output often ends in a newline, and may hold more. */
    public String oneLineMessage() {
        return message().strip().replace("\n", " ");
    }

    /** The component that reported it: {@code default-scheduler}, {@code kubelet}, ... */
    public String source() {
        return event.source() == null ? "" : event.source().component();
    }

    @Override
    public String toString() {
        return Timeline.formatOffset(at) + "  " + object() + "  " + reason() + "  " + oneLineMessage();
    }
}
