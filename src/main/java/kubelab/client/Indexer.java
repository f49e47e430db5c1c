package kubelab.client;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kubelab.api.meta.KubeObject;

/**
 * A local store of objects keyed by {@link Cache#metaNamespaceKey}, with secondary indexes: the
 * cache behind an informer. Ask {@link #byIndex} for "pods on node-1" and get them without a scan.
 *
 * <h2>Contract</h2>
 * <ul>
 *   <li>Objects stored are the shared, immutable records the informer received. Never modify one
 *       (records make that easy): copy it with a {@code with...} method and send the copy to the
 *       API server. The cache changes only when the server says so.</li>
 *   <li>Index maintenance costs O(index values of the changed object) per write; reads by index
 *       cost O(matches log n). Nothing scans all objects except {@link #list()},
 *       {@link #replace} and adding an index to a populated store.</li>
 *   <li>Lists come back sorted by key, so output is the same on every run.</li>
 *   <li>Safe to use from several threads; the informer's loop is the only writer.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code cache.Indexer} over {@code cache.ThreadSafeStore} in
 * {@code client-go/tools/cache}.
 */
public interface Indexer<T extends KubeObject> {

    /** The index {@link #namespaced()} indexers have: objects by namespace. */
    String NAMESPACE_INDEX = "namespace";

    /** An empty indexer with these indexes. */
    static <T extends KubeObject> Indexer<T> create(Map<String, IndexFunc<T>> indexers) {
        return new ThreadSafeStore<>(indexers);
    }

    /** An empty indexer with the {@link #NAMESPACE_INDEX}, as informers build them. */
    static <T extends KubeObject> Indexer<T> namespaced() {
        return create(Map.of(NAMESPACE_INDEX, IndexFunc.metaNamespace()));
    }

    /** Stores {@code obj} under its key, replacing what was there. */
    void add(T obj);

    /** Same as {@link #add}: the store keeps the latest state only. */
    void update(T obj);

    /** Removes the object with {@code obj}'s key, if any. */
    void delete(T obj);

    /** Replaces the whole content with {@code objects}, rebuilding every index. */
    void replace(Collection<? extends T> objects, String resourceVersion);

    /** The stored object with the same key as {@code obj}. */
    Optional<T> get(T obj);

    Optional<T> getByKey(String key);

    /** Every object, sorted by key. */
    List<T> list();

    /** Every key, sorted. */
    List<String> listKeys();

    int size();

    /**
     * Objects that share at least one value of index {@code indexName} with {@code obj}.
     *
     * @throws IllegalArgumentException if there is no such index
     */
    List<T> index(String indexName, T obj);

    /** Objects filed under {@code value} in index {@code indexName}, sorted by key. */
    List<T> byIndex(String indexName, String value);

    /** Keys filed under {@code value} in index {@code indexName}, sorted. */
    List<String> indexKeys(String indexName, String value);

    /** The values present in index {@code indexName}, sorted. */
    List<String> listIndexFuncValues(String indexName);

    /** The names of the indexes. */
    Set<String> indexNames();

    /**
     * Adds indexes, computing them for the objects already stored.
     *
     * @throws IllegalArgumentException if an index of that name exists
     */
    void addIndexers(Map<String, IndexFunc<T>> indexers);
}
