package kubelab.client;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.locks.ReadWriteLock;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;
import kubelab.api.meta.KubeObject;

/**
 * The {@link Indexer} implementation: a sorted map from key to object plus, per index, a map from
 * index value to the set of keys filed under it. A write updates only the index entries whose
 * values changed between the old and the new object.
 *
 * <p>Real Kubernetes: {@code threadSafeMap} and {@code storeIndex} in
 * {@code client-go/tools/cache/thread_safe_store.go}.
 */
final class ThreadSafeStore<T extends KubeObject> implements Indexer<T> {
    private final ReadWriteLock lock = new ReentrantReadWriteLock();
    private final TreeMap<String, T> items = new TreeMap<>();
    private final Map<String, IndexFunc<T>> indexers = new TreeMap<>();
    /** index name -> index value -> keys. */
    private final Map<String, Map<String, TreeSet<String>>> indices = new HashMap<>();

    ThreadSafeStore(Map<String, IndexFunc<T>> indexers) {
        addIndexers(indexers);
    }

    @Override
    public void add(T obj) {
        String key = Cache.metaNamespaceKey(obj);
        write(() -> {
            T old = items.put(key, obj);
            updateIndices(old, obj, key);
        });
    }

    @Override
    public void update(T obj) {
        add(obj);
    }

    @Override
    public void delete(T obj) {
        String key = Cache.metaNamespaceKey(obj);
        write(() -> {
            T old = items.remove(key);
            if (old != null) {
                updateIndices(old, null, key);
            }
        });
    }

    @Override
    public void replace(Collection<? extends T> objects, String resourceVersion) {
        write(() -> {
            items.clear();
            for (T obj : objects) {
                items.put(Cache.metaNamespaceKey(obj), obj);
            }
            indices.clear();
            for (String name : indexers.keySet()) {
                buildIndex(name);
            }
        });
    }

    @Override
    public Optional<T> get(T obj) {
        return getByKey(Cache.metaNamespaceKey(obj));
    }

    @Override
    public Optional<T> getByKey(String key) {
        return read(() -> Optional.ofNullable(items.get(key)));
    }

    @Override
    public List<T> list() {
        return read(() -> List.copyOf(items.values()));
    }

    @Override
    public List<String> listKeys() {
        return read(() -> List.copyOf(items.keySet()));
    }

    @Override
    public int size() {
        return read(items::size);
    }

    @Override
    public List<T> index(String indexName, T obj) {
        return read(() -> {
            IndexFunc<T> fn = indexFunc(indexName);
            Set<String> keys = new TreeSet<>();
            for (String value : fn.apply(obj)) {
                keys.addAll(indices.get(indexName).getOrDefault(value, new TreeSet<>()));
            }
            return objects(keys);
        });
    }

    @Override
    public List<T> byIndex(String indexName, String value) {
        return read(() -> {
            indexFunc(indexName);
            return objects(indices.get(indexName).getOrDefault(value, new TreeSet<>()));
        });
    }

    @Override
    public List<String> indexKeys(String indexName, String value) {
        return read(() -> {
            indexFunc(indexName);
            return List.copyOf(indices.get(indexName).getOrDefault(value, new TreeSet<>()));
        });
    }

    @Override
    public List<String> listIndexFuncValues(String indexName) {
        return read(() -> {
            indexFunc(indexName);
            return List.copyOf(new TreeSet<>(indices.get(indexName).keySet()));
        });
    }

    @Override
    public Set<String> indexNames() {
        return read(() -> Set.copyOf(indexers.keySet()));
    }

    @Override
    public void addIndexers(Map<String, IndexFunc<T>> newIndexers) {
        write(() -> {
            for (String name : newIndexers.keySet()) {
                if (indexers.containsKey(name)) {
                    throw new IllegalArgumentException("indexer conflict: " + name);
                }
            }
            for (Map.Entry<String, IndexFunc<T>> e : new TreeMap<>(newIndexers).entrySet()) {
                indexers.put(e.getKey(), e.getValue());
                buildIndex(e.getKey());
            }
        });
    }

    // ---- internals (callers hold the lock) ----------------------------------------------------

    private IndexFunc<T> indexFunc(String indexName) {
        IndexFunc<T> fn = indexers.get(indexName);
        if (fn == null) {
            throw new IllegalArgumentException("index with name " + indexName + " does not exist");
        }
        return fn;
    }

    private List<T> objects(Collection<String> keys) {
        List<T> result = new ArrayList<>(keys.size());
        for (String key : keys) {
            result.add(items.get(key));
        }
        return List.copyOf(result);
    }

    private void buildIndex(String name) {
        Map<String, TreeSet<String>> index = new HashMap<>();
        indices.put(name, index);
        IndexFunc<T> fn = indexers.get(name);
        for (Map.Entry<String, T> e : items.entrySet()) {
            for (String value : fn.apply(e.getValue())) {
                index.computeIfAbsent(value, v -> new TreeSet<>()).add(e.getKey());
            }
        }
    }

    /** Moves {@code key} from the values of {@code old} to those of {@code now}; either may be null. */
    private void updateIndices(T old, T now, String key) {
        for (Map.Entry<String, IndexFunc<T>> e : indexers.entrySet()) {
            Set<String> oldValues = old == null ? Set.of() : new LinkedHashSet<>(e.getValue().apply(old));
            Set<String> newValues = now == null ? Set.of() : new LinkedHashSet<>(e.getValue().apply(now));
            if (oldValues.equals(newValues)) {
                continue; // the common case: an update that does not touch the indexed field
            }
            Map<String, TreeSet<String>> index = indices.get(e.getKey());
            for (String value : oldValues) {
                if (!newValues.contains(value)) {
                    TreeSet<String> keys = index.get(value);
                    if (keys != null && keys.remove(key) && keys.isEmpty()) {
                        index.remove(value); // keep the index from filling with empty sets
                    }
                }
            }
            for (String value : newValues) {
                if (!oldValues.contains(value)) {
                    index.computeIfAbsent(value, v -> new TreeSet<>()).add(key);
                }
            }
        }
    }

    private <R> R read(Supplier<R> body) {
        lock.readLock().lock();
        try {
            return body.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    private void write(Runnable body) {
        lock.writeLock().lock();
        try {
            body.run();
        } finally {
            lock.writeLock().unlock();
        }
    }
}
