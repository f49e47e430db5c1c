package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;
import kubelab.time.EventLoop;

/**
 * Keeps a {@link DeltaFIFO} in step with the API server for one type: list, then watch from the
 * list's resourceVersion, so that not one change between the two is missed.
 *
 * <h2>The cycle</h2>
 * <ol>
 *   <li>List, and {@link DeltaFIFO#replace replace} the queue's view with the result; remember
 *       the list's resourceVersion.</li>
 *   <li>Watch from that resourceVersion, with bookmarks allowed. ADDED, MODIFIED and DELETED go
 *       to the queue; every event (a BOOKMARK only does this) advances the remembered
 *       resourceVersion.</li>
 *   <li>If the watch ends normally, watch again from the remembered resourceVersion: nothing is
 *       lost and nothing is relisted. (A watch that ends at once without a single event counts
 *       as a failure, so a server that keeps closing watches is not hammered.)</li>
 *   <li>If the watch ends with an ERROR event, such as 410 Expired because the server no longer
 *       keeps history that old, or if a list or a watch request fails, go back to step 1 after a
 *       back-off: 800 ms, doubling to at most 30 s, plus up to 100% random jitter, reset after
 *       2 minutes without failures. The relist repairs whatever was missed, including deletions
 *       (see {@link DeltaFIFO#replace}).</li>
 * </ol>
 * The back-off is an ordinary timer on the loop: a simulation that settles waits for the relist.
 * Watches ask for no server-side timeout (client-go asks for 5 to 10 minutes), which would only
 * add churn to a simulation.
 *
 * <p>All state is touched on the loop only; events arrive through it.
 *
 * <p>Real Kubernetes: {@code cache.Reflector.ListAndWatch} in
 * {@code client-go/tools/cache/reflector.go}.
 */
public final class Reflector<T extends KubeObject> {
    public static final Duration INITIAL_BACKOFF = Duration.ofMillis(800);
    public static final Duration MAX_BACKOFF = Duration.ofSeconds(30);
    public static final Duration BACKOFF_RESET = Duration.ofMinutes(2);
    /** A watch that ends sooner than this without events is treated as a failure. */
    static final Duration MIN_WATCH_DURATION = Duration.ofSeconds(1);

    private static final System.Logger LOG = System.getLogger(Reflector.class.getName());

    private final String name;
    private final ListerWatcher<T> listerWatcher;
    private final DeltaFIFO<T> store;
    private final EventLoop loop;
    private final ExponentialBackoff backoff;
    private volatile String lastSyncResourceVersion = "";
    private volatile boolean running;
    private ApiWatch watch;
    private long watchGeneration;
    private EventLoop.Timer retry;

    public Reflector(String name, ListerWatcher<T> listerWatcher, DeltaFIFO<T> store, EventLoop loop) {
        this.name = name;
        this.listerWatcher = listerWatcher;
        this.store = store;
        this.loop = loop;
        this.backoff = new ExponentialBackoff(INITIAL_BACKOFF, MAX_BACKOFF, BACKOFF_RESET, 2.0, 1.0,
                loop.clock(), loop.random());
    }

    /** Starts the cycle with a list, as a task on the loop. Starting twice does nothing. */
    public void start() {
        loop.execute(name + ": list and watch", () -> {
            if (!running) {
                running = true;
                listAndWatch();
            }
        });
    }

    /** Closes the watch and cancels any pending relist. */
    public void stop() {
        onLoop("stop", () -> {
            running = false;
            closeWatch();
            if (retry != null) {
                retry.cancel();
                retry = null;
            }
        });
    }

    /** The resourceVersion of the last list, event or bookmark seen; "" before the first list. */
    public String lastSyncResourceVersion() {
        return lastSyncResourceVersion;
    }

    public String name() {
        return name;
    }

    // tag::reflector-list-and-watch[]
    private void listAndWatch() {
        retry = null;
        if (!running) {
            return;
        }
        ObjectList<T> list;
        try {
            list = listerWatcher.list(ListOptions.ALL);
        } catch (ApiException e) {
            LOG.log(System.Logger.Level.WARNING, name + ": failed to list: " + e.getMessage());
            backOffAndRelist();
            return;
        }
        store.replace(list.items(), list.resourceVersion());
        lastSyncResourceVersion = list.resourceVersion();
        watch();
    }
    // end::reflector-list-and-watch[]

    private void watch() {
        long generation = ++watchGeneration;
        Instant started = loop.clock().now();
        ListOptions options = ListOptions.ALL
                .withResourceVersion(lastSyncResourceVersion)
                .withAllowWatchBookmarks(true);
        WatchHandler<T> handler = new WatchHandler<>() {
            private int events;

            @Override
            public void onEvent(WatchEvent<T> event) {
                if (current(generation)) {
                    events++;
                    handle(event);
                }
            }

            @Override
            public void onClose() {
                if (!current(generation)) {
                    return;
                }
                watch = null;
                watchGeneration++;
                if (events == 0 && Duration.between(started, loop.clock().now()).compareTo(MIN_WATCH_DURATION) < 0) {
                    LOG.log(System.Logger.Level.WARNING, name + ": very short watch, relisting after a back-off");
                    backOffAndRelist();
                } else {
                    watch();
                }
            }
        };
        try {
            watch = listerWatcher.watch(options, loop, handler);
        } catch (ApiException e) {
            watchGeneration++;
            logWatchEnd(e.code(), e.getMessage());
            backOffAndRelist();
        }
    }

    private boolean current(long generation) {
        return running && generation == watchGeneration;
    }

    private void handle(WatchEvent<T> event) {
        switch (event.type()) {
            case ADDED -> store.add(event.object());
            case MODIFIED -> store.update(event.object());
            case DELETED -> store.delete(event.object());
            case BOOKMARK -> {
                // Nothing changed; the server only says how far it has got.
            }
            case ERROR -> {
                closeWatch();
                Integer code = event.error() == null ? null : event.error().code();
                logWatchEnd(code == null ? 0 : code, event.error() == null ? "unknown error" : event.error().message());
                backOffAndRelist();
                return;
            }
        }
        String rv = event.resourceVersion();
        if (rv == null && event.object() != null) {
            rv = event.object().metadata().resourceVersion();
        }
        if (rv != null) {
            lastSyncResourceVersion = rv;
        }
    }

    private void logWatchEnd(int code, String message) {
        // 410 is routine: the server dropped old history; a relist is the designed answer.
        System.Logger.Level level = code == 410 ? System.Logger.Level.DEBUG : System.Logger.Level.WARNING;
        LOG.log(level, name + ": watch ended with: " + message);
    }

    private void backOffAndRelist() {
        if (running) {
            retry = loop.schedule(name + ": relist after back-off", backoff.next(), this::listAndWatch);
        }
    }

    private void closeWatch() {
        watchGeneration++; // events still in flight from the old watch are ignored
        if (watch != null) {
            watch.close();
            watch = null;
        }
    }

    private void onLoop(String what, Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(name + ": " + what, action);
        }
    }
}
