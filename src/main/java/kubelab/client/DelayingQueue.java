package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.time.Durations;
import kubelab.time.EventLoop;

/**
 * A {@link WorkQueue} that can also add an item later: "look at this pod again in 30 seconds".
 * The wait is an ordinary timer on the event loop, so a simulation that settles waits for it and
 * virtual time makes it free. An item already waiting keeps the earlier of its two ready times.
 *
 * <p>Real Kubernetes: {@code workqueue.DelayingInterface} in
 * {@code client-go/util/workqueue/delaying_queue.go}.
 */
public class DelayingQueue<T> extends WorkQueue<T> {
    protected final EventLoop loop;
    private final Map<T, Waiting> waiting = new HashMap<>();

    private record Waiting(Instant readyAt, EventLoop.Timer timer) {
    }

    public DelayingQueue(String name, EventLoop loop) {
        super(name);
        this.loop = loop;
    }

    /** Adds {@code item} after {@code delay} of loop time; at once if the delay is not positive. */
    public void addAfter(T item, Duration delay) {
        if (shuttingDown()) {
            return;
        }
        if (delay.isZero() || delay.isNegative()) {
            add(item);
            return;
        }
        Instant readyAt = loop.clock().now().plus(delay);
        synchronized (this) {
            Waiting already = waiting.get(item);
            if (already != null) {
                if (!readyAt.isBefore(already.readyAt())) {
                    return;
                }
                already.timer().cancel();
            }
            EventLoop.Timer[] timer = new EventLoop.Timer[1];
            timer[0] = loop.schedule(name() + ": add " + item + " after " + Durations.format(delay), delay, () -> {
                synchronized (this) {
                    Waiting w = waiting.get(item);
                    if (w == null || w.timer() != timer[0]) {
                        return;
                    }
                    waiting.remove(item);
                }
                add(item);
            });
            waiting.put(item, new Waiting(readyAt, timer[0]));
        }
    }

    /** How many items wait for their delay to pass. */
    public synchronized int waitingLen() {
        return waiting.size();
    }

    /** Stops accepting items and cancels the waiting ones. */
    @Override
    public void shutDown() {
        super.shutDown();
        List<Waiting> cancelled;
        synchronized (this) {
            cancelled = new ArrayList<>(waiting.values());
            waiting.clear();
        }
        cancelled.forEach(w -> w.timer().cancel());
    }
}
