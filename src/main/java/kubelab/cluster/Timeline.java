package kubelab.cluster;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Predicate;
import kubelab.api.core.Event;
import kubelab.printers.TabWriter;

/**
 * Every Event the cluster's components recorded, in the order they recorded them, each with its
 * virtual time. Filled by the cluster's {@link kubelab.client.record.EventBroadcaster}, so it
 * misses nothing, not even an Event the API later lost to a namespace's deletion.
 *
 * <p>Real Kubernetes: none as such; {@code kubectl get events -A --watch} from the cluster's first
 * second comes closest (Events expire after an hour there; here they are kept).
 */
public final class Timeline {
    private final Instant start;
    private final List<RecordedEvent> events = new ArrayList<>();

    public Timeline(Instant start) {
        this.start = start;
    }

    /** Time zero: the cluster's start, from which every occurrence's time is counted. */
    public Instant start() {
        return start;
    }

    /** Appends one occurrence. */
    public void record(Event event) {
        Instant at = event.lastTimestamp() != null ? event.lastTimestamp() : start;
        events.add(new RecordedEvent(Duration.between(start, at), event));
    }

    /** Everything, in order. */
    public List<RecordedEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** The occurrences that match, in order. */
    public List<RecordedEvent> where(Predicate<RecordedEvent> filter) {
        return events.stream().filter(filter).toList();
    }

    /** The occurrences about one object, e.g. {@code about("pod/nginx")}. */
    public List<RecordedEvent> about(String object) {
        return where(e -> e.object().equals(object));
    }

    /** The reasons, in order, of the occurrences about one object: a compact story of its life. */
    public List<String> reasons(String object) {
        return about(object).stream().map(RecordedEvent::reason).toList();
    }

    /**
     * The timeline as text, one line per occurrence:
     * <pre>
     *   TIME   NAMESPACE   OBJECT      TYPE     REASON      MESSAGE
     *   0s     default     pod/nginx   Normal   Scheduled   Successfully assigned default/nginx to node-1
     * </pre>
     */
    public String render() {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("TIME", "NAMESPACE", "OBJECT", "TYPE", "REASON", "MESSAGE"));
        for (RecordedEvent e : events) {
            String ns = e.namespace() == null ? "" : e.namespace();
            rows.add(List.of(formatOffset(e.at()), ns, e.object(), e.type(), e.reason(), e.oneLineMessage()));
        }
        return String.join("\n", TabWriter.align(rows)) + "\n"; // laid out as kubectl lays out its tables
    }

    /** Virtual time since the start, as {@code 1m05.2s}: minutes when there are any, tenths when there are any. */
    public static String formatOffset(Duration d) {
        long millis = d.toMillis();
        long minutes = millis / 60_000;
        long rest = millis % 60_000;
        String seconds = rest % 1000 == 0 ? Long.toString(rest / 1000)
                : String.format(java.util.Locale.ROOT, "%d.%d", rest / 1000, (rest % 1000) / 100);
        if (minutes == 0) {
            return seconds + "s";
        }
        return minutes + "m" + (rest < 10_000 ? "0" : "") + seconds + "s";
    }

    @Override
    public String toString() {
        return render();
    }
}
