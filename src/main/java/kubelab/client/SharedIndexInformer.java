package kubelab.client;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import kubelab.api.meta.KubeObject;
import kubelab.time.EventLoop;

/**
 * The {@link SharedInformer} implementation: a {@link Reflector} fills a {@link DeltaFIFO}; each
 * key queued schedules one loop task that pops it, applies its deltas to the {@link Indexer} and
 * tells the handlers. Handlers are called directly, in registration order, so a simulation stays
 * one deterministic sequence of tasks.
 *
 * <p>Real Kubernetes: {@code sharedIndexInformer.HandleDeltas} and {@code sharedProcessor} in
 * {@code client-go/tools/cache/shared_informer.go}; there each handler has its own goroutine and
 * buffer, here the loop plays that part.
 */
final class SharedIndexInformer<T extends KubeObject> implements SharedInformer<T> {
    private final String name;
    private final EventLoop loop;
    private final Duration defaultResync;
    private final Indexer<T> indexer = Indexer.namespaced();
    private final Lister<T> lister = new Lister<>(indexer);
    private final DeltaFIFO<T> fifo;
    private final Reflector<T> reflector;
    private final List<Listener> listeners = new CopyOnWriteArrayList<>();
    private volatile boolean started;
    private volatile boolean stopped;

    SharedIndexInformer(String name, ListerWatcher<T> listerWatcher, EventLoop loop, Duration defaultResync) {
        this.name = name;
        this.loop = loop;
        this.defaultResync = Objects.requireNonNull(defaultResync, "defaultResync");
        this.fifo = new DeltaFIFO<>(indexer, () -> loop.execute(name + ": process deltas", this::processNext));
        this.reflector = new Reflector<>(name, listerWatcher, fifo, loop);
    }

    @Override
    public void addEventHandler(ResourceEventHandler<T> handler) {
        addEventHandler(handler, defaultResync);
    }

    @Override
    public void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod) {
        Listener listener = new Listener(Objects.requireNonNull(handler, "handler"), resyncPeriod);
        // Registering and replaying in one loop step: no notification can slip in between.
        onLoop("add event handler", () -> {
            listeners.add(listener);
            if (started && !stopped) {
                listener.startResync();
                for (T obj : indexer.list()) {
                    handler.onAdd(obj, true);
                }
            }
        });
    }

    @Override
    public void removeEventHandler(ResourceEventHandler<T> handler) {
        onLoop("remove event handler", () -> {
            for (Listener l : listeners) {
                if (l.handler == handler) {
                    l.stopResync();
                    listeners.remove(l);
                }
            }
        });
    }

    @Override
    public void addIndexers(Map<String, IndexFunc<T>> indexers) {
        indexer.addIndexers(indexers);
    }

    @Override
    public Indexer<T> getIndexer() {
        return indexer;
    }

    @Override
    public Lister<T> lister() {
        return lister;
    }

    @Override
    public boolean hasSynced() {
        return fifo.hasSynced();
    }

    @Override
    public String lastSyncResourceVersion() {
        return reflector.lastSyncResourceVersion();
    }

    @Override
    public void start() {
        onLoop("start", () -> {
            if (started) {
                return;
            }
            started = true;
            for (Listener l : listeners) {
                l.startResync();
            }
            reflector.start();
        });
    }

    @Override
    public void stop() {
        onLoop("stop", () -> {
            stopped = true;
            reflector.stop();
            for (Listener l : listeners) {
                l.stopResync();
            }
        });
    }

    @Override
    public boolean isStarted() {
        return started;
    }

    @Override
    public String toString() {
        return "SharedInformer[" + name + ", " + indexer.size() + " cached, synced=" + hasSynced() + "]";
    }

    /** Pops one key and applies its deltas: cache first, then handlers. */
    private void processNext() {
        if (stopped) {
            return;
        }
        Optional<DeltaFIFO.Deltas<T>> popped = fifo.pop();
        if (popped.isEmpty()) {
            return;
        }
        boolean isInInitialList = popped.get().isInInitialList();
        for (Delta<T> delta : popped.get().deltas()) {
            T obj = delta.object();
            if (delta.type() == Delta.Type.DELETED) {
                indexer.delete(obj);
                if (delta.finalStateUnknown()) {
                    var tombstone = new DeletedFinalStateUnknown<>(popped.get().key(), obj);
                    distribute(h -> h.onDeletedFinalStateUnknown(tombstone));
                } else {
                    distribute(h -> h.onDelete(obj));
                }
                continue;
            }
            Optional<T> old = indexer.get(obj);
            if (old.isPresent()) {
                indexer.update(obj);
                // An unchanged resourceVersion (a relisted object that did not change) is a
                // resync, and resyncs are per handler: do not announce it here.
                if (!sameResourceVersion(old.get(), obj)) {
                    distribute(h -> h.onUpdate(old.get(), obj));
                }
            } else {
                indexer.add(obj);
                distribute(h -> h.onAdd(obj, isInInitialList));
            }
        }
    }

    private static boolean sameResourceVersion(KubeObject a, KubeObject b) {
        String rvA = a.metadata().resourceVersion();
        return rvA != null && rvA.equals(b.metadata().resourceVersion());
    }

    private void distribute(Consumer<ResourceEventHandler<T>> notification) {
        for (Listener l : listeners) {
            notification.accept(l.handler);
        }
    }

    private void onLoop(String what, Runnable action) {
        if (loop.inLoop()) {
            action.run();
        } else {
            loop.execute(name + ": " + what, action);
        }
    }

    /** One registered handler and its resync timer. */
    private final class Listener {
        final ResourceEventHandler<T> handler;
        final Duration resyncPeriod;
        EventLoop.Timer timer;

        Listener(ResourceEventHandler<T> handler, Duration resyncPeriod) {
            this.handler = handler;
            this.resyncPeriod = Objects.requireNonNull(resyncPeriod, "resyncPeriod");
        }

        void startResync() {
            if (timer == null && !resyncPeriod.isZero() && !resyncPeriod.isNegative()) {
                timer = loop.schedulePeriodic(name + ": resync", resyncPeriod, this::resync);
            }
        }

        void stopResync() {
            if (timer != null) {
                timer.cancel();
                timer = null;
            }
        }

        private void resync() {
            for (T obj : indexer.list()) {
                handler.onUpdate(obj, obj);
            }
        }
    }
}
