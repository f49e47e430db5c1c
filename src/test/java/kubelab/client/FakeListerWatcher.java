package kubelab.client;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;

/**
 * An in-memory API for one type, for informer tests: it holds objects, stamps each change with
 * the next resourceVersion, keeps the history so a watch can start from any version, and can be
 * told to fail lists or to end watches with 410 Expired.
 *
 * <p>Real Kubernetes: {@code FakeControllerSource} in {@code client-go/tools/cache/testing}.
 */
final class FakeListerWatcher<T extends KubeObject> implements ListerWatcher<T> {
    private final TreeMap<String, T> objects = new TreeMap<>();
    private final List<WatchEvent<T>> history = new ArrayList<>();
    private final List<FakeWatch> watches = new ArrayList<>();
    final List<ListOptions> lists = new ArrayList<>();
    final List<ListOptions> watchRequests = new ArrayList<>();
    private long resourceVersion;
    private int listFailures;
    private boolean expireNextWatch;

    // ---- changing the "server" -----------------------------------------------------------------

    T add(T obj) {
        return write(WatchEvent.Type.ADDED, obj);
    }

    T modify(T obj) {
        return write(WatchEvent.Type.MODIFIED, obj);
    }

    T delete(T obj) {
        return write(WatchEvent.Type.DELETED, objects.get(Cache.metaNamespaceKey(obj)));
    }

    @SuppressWarnings("unchecked")
    private T write(WatchEvent.Type type, T obj) {
        String rv = String.valueOf(++resourceVersion);
        T stored = (T) obj.withMetadata(obj.metadata().withResourceVersion(rv));
        if (type == WatchEvent.Type.DELETED) {
            objects.remove(Cache.metaNamespaceKey(stored));
        } else {
            objects.put(Cache.metaNamespaceKey(stored), stored);
        }
        WatchEvent<T> event = WatchEvent.of(type, stored, rv);
        history.add(event);
        for (FakeWatch w : List.copyOf(watches)) {
            w.send(event);
        }
        return stored;
    }

    /** Moves the resourceVersion on without an event here, as a write to another type does. */
    void writeElsewhere() {
        resourceVersion++;
    }

    /** Sends a BOOKMARK at the current resourceVersion to every open watch. */
    void bookmark() {
        for (FakeWatch w : List.copyOf(watches)) {
            w.send(WatchEvent.bookmark(String.valueOf(resourceVersion)));
        }
    }

    /** Ends every open watch with 410 Expired, as a server does after compacting its history. */
    void expireWatches() {
        for (FakeWatch w : List.copyOf(watches)) {
            w.send(expired());
            watches.remove(w);
        }
    }

    /** Ends every open watch normally. */
    void closeWatches() {
        for (FakeWatch w : List.copyOf(watches)) {
            w.endNormally();
            watches.remove(w);
        }
    }

    /** The next watch request is answered with a 410 Expired event. */
    void expireNextWatch() {
        expireNextWatch = true;
    }

    /** The next {@code n} list requests fail with 500. */
    void failNextLists(int n) {
        listFailures = n;
    }

    int openWatches() {
        return watches.size();
    }

    String resourceVersion() {
        return String.valueOf(resourceVersion);
    }

    private WatchEvent<T> expired() {
        return WatchEvent.error(ApiException.expired("too old resource version: 1 (" + resourceVersion + ")").status());
    }

    // ---- ListerWatcher ---------------------------------------------------------------------------

    @Override
    public ObjectList<T> list(ListOptions options) {
        lists.add(options);
        if (listFailures > 0) {
            listFailures--;
            throw ApiException.internal("the server is having a bad day");
        }
        return new ObjectList<>(new ArrayList<>(objects.values()), String.valueOf(resourceVersion), null, null);
    }

    @Override
    public ApiWatch watch(ListOptions options, Executor deliverOn, WatchHandler<T> handler) {
        watchRequests.add(options);
        FakeWatch w = new FakeWatch(deliverOn, handler);
        if (expireNextWatch) {
            expireNextWatch = false;
            w.send(expired());
            return w;
        }
        long from = options.resourceVersion() == null || options.resourceVersion().isEmpty()
                ? 0 : Long.parseLong(options.resourceVersion());
        for (WatchEvent<T> e : history) {
            if (Long.parseLong(e.resourceVersion()) > from) {
                w.send(e);
            }
        }
        watches.add(w);
        return w;
    }

    /** One open watch; events go through the executor, as from a real server. */
    private final class FakeWatch implements ApiWatch {
        private final Executor executor;
        private final WatchHandler<T> handler;
        private boolean closedByClient;

        FakeWatch(Executor executor, WatchHandler<T> handler) {
            this.executor = executor;
            this.handler = handler;
        }

        void send(WatchEvent<T> event) {
            executor.execute(() -> {
                if (!closedByClient) {
                    handler.onEvent(event);
                }
            });
        }

        void endNormally() {
            executor.execute(() -> {
                if (!closedByClient) {
                    handler.onClose();
                }
            });
        }

        @Override
        public void close() {
            closedByClient = true;
            watches.remove(this);
        }
    }
}
