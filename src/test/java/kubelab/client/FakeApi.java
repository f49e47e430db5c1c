package kubelab.client;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Executor;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.DeleteResult;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;

/**
 * Just enough of an API server, for Things only, to test the client: optimistic concurrency on
 * update, and watches of future changes. (The real one is {@code kubelab.apiserver.ApiServer}.)
 */
@SuppressWarnings("unchecked")
final class FakeApi implements Api {
    static final ResourceType THINGS = new ResourceType("test.kubelab.io", "v1", "Thing", "things", "thing",
            List.of(), true, Thing.class, Set.of("status"), List.of());

    private final Scheme scheme = new Scheme(List.of(THINGS));
    private final TreeMap<String, Thing> stored = new TreeMap<>();
    private final List<Watcher> watchers = new ArrayList<>();
    private long resourceVersion;
    /** Runs at the start of every update: a test's "someone else wrote meanwhile". */
    Runnable beforeUpdate = () -> { };
    int updateCalls;

    private record Watcher(String namespace, Executor executor, WatchHandler<Thing> handler, boolean[] closed) {
    }

    @Override
    public Scheme scheme() {
        return scheme;
    }

    @Override
    public <T extends KubeObject> T create(T object, CreateOptions options) {
        Thing thing = (Thing) object;
        if (thing.namespace() == null) {
            throw ApiException.badRequest("a namespace is required");
        }
        if (stored.containsKey(Cache.metaNamespaceKey(thing))) {
            throw ApiException.alreadyExists(THINGS.group(), THINGS.plural(), thing.name());
        }
        return (T) store(WatchEvent.Type.ADDED, thing);
    }

    @Override
    public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        Thing thing = stored.get(Cache.key(namespace, name));
        if (thing == null) {
            throw ApiException.notFound(THINGS.group(), THINGS.plural(), name);
        }
        return (T) thing;
    }

    @Override
    public <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace, ListOptions options) {
        List<T> items = stored.values().stream()
                .filter(t -> namespace == null || namespace.equals(t.namespace()))
                .map(t -> (T) t).toList();
        return new ObjectList<>(items, String.valueOf(resourceVersion), null, null);
    }

    @Override
    public <T extends KubeObject> T update(T object, UpdateOptions options) {
        updateCalls++;
        beforeUpdate.run();
        Thing thing = (Thing) object;
        Thing current = get(Thing.class, thing.namespace(), thing.name());
        String rv = thing.resourceVersion();
        if (rv != null && !rv.equals(current.resourceVersion())) {
            throw ApiException.conflict(THINGS.group(), THINGS.plural(), thing.name(), ApiException.MODIFIED);
        }
        return (T) store(WatchEvent.Type.MODIFIED, thing);
    }

    @Override
    public <T extends KubeObject> T updateStatus(T object, UpdateOptions options) {
        return update(object, options);
    }

    @Override
    public <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                          String patch, PatchOptions options) {
        throw ApiException.methodNotSupported(THINGS.group(), THINGS.plural(), "patch");
    }

    @Override
    public <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name, DeleteOptions options) {
        Thing thing = get(Thing.class, namespace, name);
        stored.remove(Cache.metaNamespaceKey(thing));
        Thing last = thing.withMetadata(thing.metadata().withResourceVersion(String.valueOf(++resourceVersion)));
        notifyWatchers(WatchEvent.of(WatchEvent.Type.DELETED, last, last.resourceVersion()));
        return new DeleteResult<>((T) last, true);
    }

    @Override
    public <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                                 Executor deliverOn, WatchHandler<T> handler) {
        Watcher w = new Watcher(namespace, deliverOn, (WatchHandler<Thing>) handler, new boolean[1]);
        watchers.add(w);
        return () -> {
            w.closed()[0] = true;
            watchers.remove(w);
        };
    }

    private Thing store(WatchEvent.Type type, Thing thing) {
        Thing saved = thing.withMetadata(thing.metadata().withResourceVersion(String.valueOf(++resourceVersion)));
        stored.put(Cache.metaNamespaceKey(saved), saved);
        notifyWatchers(WatchEvent.of(type, saved, saved.resourceVersion()));
        return saved;
    }

    private void notifyWatchers(WatchEvent<Thing> event) {
        for (Watcher w : List.copyOf(watchers)) {
            if (w.namespace() == null || w.namespace().equals(event.object().namespace())) {
                w.executor().execute(() -> {
                    if (!w.closed()[0]) {
                        w.handler().onEvent(event);
                    }
                });
            }
        }
    }
}
