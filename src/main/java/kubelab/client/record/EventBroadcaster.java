package kubelab.client.record;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import java.util.logging.Level;
import java.util.logging.Logger;
import kubelab.api.core.Event;
import kubelab.api.core.EventSource;
import kubelab.api.core.ObjectReference;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.time.EventLoop;

/**
 * Receives the events of every recorder made from it, and, on the loop, writes each to the API
 * as a core/v1 Event and hands it to the in-process watchers.
 *
 * <p>A repeat (same source, object, type, reason and message) within {@link #REPEAT_WINDOW} of the
 * last one updates the existing Event: {@code count} goes up and {@code lastTimestamp} moves. That
 * is why {@code kubectl describe} shows "(x3 over 2m)". Watchers see each occurrence, the repeat
 * included, in the order it was recorded.
 *
 * <p>Event names are {@code <object name>.<hex of the time in nanoseconds>}, as the recorder's
 * are; a second event within the same nanosecond of virtual time takes the next nanosecond.
 *
 * <p>Real Kubernetes: {@code eventBroadcasterImpl} and {@code EventCorrelator} in client-go's
 * {@code tools/record}; the correlator's grouping of similar events with different messages
 * ("combined from similar events") and its spam filter are left out.
 */
public final class EventBroadcaster {
    /** How long a repeat keeps folding into the same Event object. */
    public static final Duration REPEAT_WINDOW = Duration.ofMinutes(10);
    private static final Logger LOG = Logger.getLogger(EventBroadcaster.class.getName());

    private final EventLoop loop;
    private final List<Consumer<Event>> watchers = new ArrayList<>();
    private final Map<String, Event> lastByKey = new LinkedHashMap<>();
    private Api sink;
    private long lastNanos;

    public EventBroadcaster(EventLoop loop) {
        this.loop = loop;
    }

    /** Writes every event from now on to {@code api}. */
    public EventBroadcaster startRecordingToSink(Api api) {
        this.sink = api;
        return this;
    }

    /** Hands every event from now on to {@code watcher}, on the loop, in order. */
    public EventBroadcaster startEventWatcher(Consumer<Event> watcher) {
        watchers.add(watcher);
        return this;
    }

    /** A recorder for one component ({@code default-scheduler}, {@code kubelet}) on one host, or none. */
    public EventRecorder newRecorder(String component, String host) {
        EventSource source = new EventSource(component, host);
        return (reference, type, reason, message) -> {
            Instant at = loop.clock().now();
            loop.execute("record event " + reason, () -> record(source, reference, type, reason, message, at));
        };
    }

    private void record(EventSource source, ObjectReference ref, String type, String reason, String message,
                        Instant at) {
        String key = String.join("\u0000", source.component(), Objects.toString(source.host(), ""),
                ref.kind(), Objects.toString(ref.namespace(), ""), ref.name(), Objects.toString(ref.uid(), ""),
                Objects.toString(ref.fieldPath(), ""), type, reason, message);
        Event last = lastByKey.get(key);
        Event event;
        if (last != null && !at.isAfter(last.lastTimestamp().plus(REPEAT_WINDOW))) {
            event = writeRepeat(last, at);
        } else {
            String namespace = ref.namespace() == null || ref.namespace().isEmpty() ? "default" : ref.namespace();
            ObjectMeta meta = ObjectMeta.of(namespace, ref.name() + "." + Long.toHexString(nanosFor(at)));
            event = write(new Event(null, null, meta, ref, reason, message, source, at, at, 1, type, null, null,
                    null, null, source.component(), source.host() == null ? "" : source.host()));
        }
        lastByKey.put(key, event);
        for (Consumer<Event> watcher : watchers) {
            watcher.accept(event);
        }
    }

    private long nanosFor(Instant at) {
        long nanos = at.getEpochSecond() * 1_000_000_000L + at.getNano();
        lastNanos = Math.max(nanos, lastNanos + 1);
        return lastNanos;
    }

    /** Writes a new event; a failed write is logged and the event kept for the watchers, as client-go does. */
    private Event write(Event event) {
        if (sink == null) {
            return event;
        }
        try {
            return sink.create(event);
        } catch (ApiException e) {
            LOG.log(Level.FINE, "could not write event {0}: {1}", new Object[] {event.name(), e.getMessage()});
            return event;
        }
    }

    /** Records one more occurrence of {@code last} at {@code at}: count up, lastTimestamp moved. */
    private Event writeRepeat(Event last, Instant at) {
        if (sink == null) {
            return last.withRepeat(at);
        }
        try {
            Event stored = sink.get(Event.class, last.namespace(), last.name());
            return sink.update(stored.withRepeat(at));
        } catch (ApiException e) {
            if (e.code() == 404) { // deleted meanwhile: write it anew
                Event fresh = last.withRepeat(at);
                return write(fresh.withMetadata(fresh.metadata().withResourceVersion(null)));
            }
            LOG.log(Level.FINE, "could not update event {0}: {1}", new Object[] {last.name(), e.getMessage()});
            return last.withRepeat(at);
        }
    }
}
