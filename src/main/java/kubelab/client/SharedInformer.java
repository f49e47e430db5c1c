package kubelab.client;

import java.time.Duration;
import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.time.EventLoop;

/**
 * A local, indexed, always-refreshing copy of one type of object, shared by every component that
 * needs it: one list and one watch against the API server however many controllers read.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Handlers run on the event loop, one notification at a time, after the cache has been
 *       updated. For one object they see the changes in order; a relist may merge several.</li>
 *   <li>After a relist, objects gone from the list are announced with
 *       {@link ResourceEventHandler#onDeletedFinalStateUnknown}, changed ones with
 *       {@code onUpdate}, new ones with {@code onAdd}. Objects whose resourceVersion did not
 *       change are not announced (they count as a resync, which is per handler).</li>
 *   <li>A handler added after {@link #start()} first gets {@code onAdd(obj, true)} for every
 *       cached object, so late and early handlers see the same world.</li>
 *   <li>With a resync period, a handler gets {@code onUpdate(obj, obj)} for every cached object
 *       that often: a level-based controller's safety net. Resyncs are background timers: a
 *       simulation settles without waiting for them.</li>
 *   <li>Cached objects are shared and immutable: never modify them.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code cache.SharedIndexInformer} in
 * {@code client-go/tools/cache/shared_informer.go}.
 */
public interface SharedInformer<T extends KubeObject> {

    /**
     * An informer over {@code listerWatcher}, running on {@code loop}.
     *
     * @param name          for logs and diagnostics, e.g. {@code pods}
     * @param defaultResync resync period of handlers added without one; {@link Duration#ZERO} for none
     */
    static <T extends KubeObject> SharedInformer<T> create(String name, ListerWatcher<T> listerWatcher,
                                                           EventLoop loop, Duration defaultResync) {
        return new SharedIndexInformer<>(name, listerWatcher, loop, defaultResync);
    }

    /** Adds a handler with the informer's default resync period. */
    void addEventHandler(ResourceEventHandler<T> handler);

    /** Adds a handler that is resynced every {@code resyncPeriod} ({@link Duration#ZERO}: never). */
    void addEventHandler(ResourceEventHandler<T> handler, Duration resyncPeriod);

    /** Stops notifying {@code handler}. */
    void removeEventHandler(ResourceEventHandler<T> handler);

    /** Adds indexes to the cache (computed at once for objects already cached). */
    void addIndexers(Map<String, IndexFunc<T>> indexers);

    /** The cache. Read it; never write to it: only the informer does. */
    Indexer<T> getIndexer();

    /** A lister over the cache. */
    Lister<T> lister();

    /** True once the cache holds at least the first full list. */
    boolean hasSynced();

    /** The resourceVersion the cache is at, as far as the reflector knows; "" before the first list. */
    String lastSyncResourceVersion();

    /** Starts listing and watching, on the loop. Starting twice does nothing. */
    void start();

    /** Stops watching and resyncing; the cache keeps its last content. */
    void stop();

    boolean isStarted();
}
