package kubelab.store;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A watch listener for tests: it records every event and the close cause, and lets a test wait for
 * them without sleeping. With a store that delivers on the writing thread the waits return at once;
 * with a remote store they wait until the events arrive, up to a generous timeout that only a
 * broken store reaches.
 */
final class EventRecorder implements WatchListener {

    private static final long TIMEOUT_SECONDS = 10;

    private final List<WatchEvent> events = new ArrayList<>();
    private StoreException closeCause;
    private boolean closed;

    @Override
    public synchronized void onEvent(WatchEvent event) {
        events.add(event);
        notifyAll();
    }

    @Override
    public synchronized void onClose(StoreException cause) {
        closed = true;
        closeCause = cause;
        notifyAll();
    }

    /** The events so far. */
    synchronized List<WatchEvent> events() {
        return List.copyOf(events);
    }

    /** Waits until at least {@code count} events have arrived; returns all arrived so far. */
    List<WatchEvent> awaitEvents(int count) {
        return awaitUntil(e -> e.size() >= count, count + " events");
    }

    /**
     * Waits until an event at or above {@code revision} has arrived. Since events come in revision
     * order, everything before it has arrived too, and any duplicate would have come before it.
     */
    List<WatchEvent> awaitRevision(long revision) {
        return awaitUntil(e -> !e.isEmpty() && e.get(e.size() - 1).revision() >= revision,
                "an event at revision " + revision);
    }

    /** Waits until the store has ended the watch; returns the cause it gave. */
    synchronized StoreException awaitClose() {
        awaitUntil(e -> closed, "onClose");
        return closeCause;
    }

    private synchronized List<WatchEvent> awaitUntil(Predicate<List<WatchEvent>> done, String what) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(TIMEOUT_SECONDS);
        while (!done.test(events)) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                List<WatchEvent> lastFew = events.subList(Math.max(0, events.size() - 3), events.size());
                throw new AssertionError("waited " + TIMEOUT_SECONDS + "s for " + what + "; got "
                        + events.size() + " events, ending " + lastFew);
            }
            try {
                TimeUnit.NANOSECONDS.timedWait(this, left);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new AssertionError("interrupted while waiting for " + what, e);
            }
        }
        return List.copyOf(events);
    }
}
