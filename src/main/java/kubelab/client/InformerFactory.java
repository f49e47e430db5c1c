package kubelab.client;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.time.EventLoop;
import kubelab.time.SimulatedLoop;

/**
 * Hands out one {@link SharedInformer} per (type, namespace) to every component of a process, so
 * that the scheduler, the ReplicaSet controller and the garbage collector share one pod cache and
 * one watch. Components ask for informers while they are built; then {@link #start()} starts them
 * all, and {@link #waitForCacheSync} waits until every cache holds its first list, before workers
 * act on an empty cache.
 *
 * <p>Real Kubernetes: {@code informers.SharedInformerFactory} ({@code client-go/informers}) and
 * {@code cache.WaitForCacheSync}.
 */
public final class InformerFactory {

    /** Where the factory gets a {@link ListerWatcher} for a type: the API, or a fake in tests. */
    public interface ListerWatcherSource {
        <T extends KubeObject> ListerWatcher<T> forType(Class<T> type, String namespace);
    }

    private record Key(Class<?> type, String namespace) {
    }

    private final EventLoop loop;
    private final Duration defaultResync;
    private final ListerWatcherSource source;
    private final Map<Key, SharedInformer<?>> informers = new LinkedHashMap<>();

    /** Informers over {@code api}; {@code defaultResync} as for {@link SharedInformer#create}. */
    public InformerFactory(Api api, EventLoop loop, Duration defaultResync) {
        this(loop, defaultResync, new ListerWatcherSource() {
            @Override
            public <T extends KubeObject> ListerWatcher<T> forType(Class<T> type, String namespace) {
                return ListerWatcher.forApi(api, type, namespace, null, null);
            }
        });
    }

    public InformerFactory(EventLoop loop, Duration defaultResync, ListerWatcherSource source) {
        this.loop = loop;
        this.defaultResync = defaultResync;
        this.source = source;
    }

    /** The shared informer for {@code type} across all namespaces. */
    public <T extends KubeObject> SharedInformer<T> informerFor(Class<T> type) {
        return informerFor(type, null);
    }

    /** The shared informer for {@code type} in one namespace (null: all namespaces). */
    @SuppressWarnings("unchecked")
    public synchronized <T extends KubeObject> SharedInformer<T> informerFor(Class<T> type, String namespace) {
        return (SharedInformer<T>) informers.computeIfAbsent(new Key(type, namespace), k -> {
            String name = type.getSimpleName() + (namespace == null ? "" : " in " + namespace);
            return SharedInformer.create(name, source.forType(type, namespace), loop, defaultResync);
        });
    }

    /** Shorthand for {@code informerFor(type).lister()}. */
    public <T extends KubeObject> Lister<T> listerFor(Class<T> type) {
        return informerFor(type).lister();
    }

    /** Starts every informer asked for so far that has not started; call again after asking for more. */
    public void start() {
        for (SharedInformer<?> informer : snapshot()) {
            informer.start();
        }
    }

    /** Stops every informer. */
    public void shutdown() {
        for (SharedInformer<?> informer : snapshot()) {
            informer.stop();
        }
    }

    /** True if every informer asked for so far has synced. */
    public boolean hasSynced() {
        return snapshot().stream().allMatch(SharedInformer::hasSynced);
    }

    /**
     * Waits until every informer has synced, at most {@code timeout} of loop time. On a
     * {@link SimulatedLoop} this drives the loop ({@code runUntil}); on another loop it blocks the
     * calling thread, which must not be the loop's own, checking every 100 ms of loop time as
     * client-go does.
     *
     * @return whether all informers synced in time
     */
    public boolean waitForCacheSync(Duration timeout) {
        if (loop instanceof SimulatedLoop simulated) {
            return simulated.runUntil(this::hasSynced, timeout);
        }
        if (loop.inLoop()) {
            throw new IllegalStateException("waitForCacheSync on the loop's own thread would block the loop it waits for");
        }
        Instant deadline = loop.clock().now().plus(timeout);
        CompletableFuture<Boolean> done = new CompletableFuture<>();
        Runnable[] check = new Runnable[1];
        check[0] = () -> {
            if (hasSynced()) {
                done.complete(true);
            } else if (loop.clock().now().isAfter(deadline)) {
                done.complete(false);
            } else {
                loop.schedule("wait for cache sync", Duration.ofMillis(100), check[0]);
            }
        };
        loop.execute("wait for cache sync", check[0]);
        try {
            // The loop decides; the wall-clock bound only guards against a loop that was closed.
            return done.get(timeout.toMillis() + TimeUnit.MINUTES.toMillis(1), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException e) {
            return false;
        }
    }

    private synchronized List<SharedInformer<?>> snapshot() {
        return new ArrayList<>(informers.values());
    }
}
