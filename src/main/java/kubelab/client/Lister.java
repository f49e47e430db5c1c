package kubelab.client;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import kubelab.api.meta.KubeObject;

/**
 * Read-only questions to an informer's cache, in Kubernetes' words: "the pods in namespace
 * default with label app=web", "the node named node-1". Answers come from memory, never from the
 * API server, and are the shared cached objects: never modify them.
 *
 * <p>Label queries take a predicate over an object's labels, so a parsed label selector plugs in
 * as a method reference: {@code lister.list(selector::matches)}.
 *
 * <p>Real Kubernetes: the generated listers ({@code PodLister}, {@code PodNamespaceLister}) in
 * {@code client-go/listers}, over {@code cache.ListAll} and {@code cache.ListAllByNamespace}.
 */
public final class Lister<T extends KubeObject> {
    private final Indexer<T> indexer;

    public Lister(Indexer<T> indexer) {
        this.indexer = indexer;
    }

    /** Every cached object, sorted by key. */
    public List<T> list() {
        return indexer.list();
    }

    /** Cached objects whose labels satisfy {@code labels}, sorted by key. */
    public List<T> list(Predicate<? super Map<String, String>> labels) {
        return filter(indexer.list(), labels);
    }

    /** A cluster-scoped object by name. */
    public Optional<T> get(String name) {
        return indexer.getByKey(name);
    }

    /** Questions about one namespace. */
    public NamespaceLister<T> inNamespace(String namespace) {
        return new NamespaceLister<>(indexer, namespace);
    }

    private static <T extends KubeObject> List<T> filter(List<T> objects, Predicate<? super Map<String, String>> labels) {
        return objects.stream().filter(o -> labels.test(o.metadata().labels())).toList();
    }

    /**
     * A lister narrowed to one namespace. It reads the {@link Indexer#NAMESPACE_INDEX} when the
     * indexer has one, and otherwise scans.
     */
    public record NamespaceLister<T extends KubeObject>(Indexer<T> indexer, String namespace) {

        /** Every cached object in the namespace, sorted by name. */
        public List<T> list() {
            if (indexer.indexNames().contains(Indexer.NAMESPACE_INDEX)) {
                return indexer.byIndex(Indexer.NAMESPACE_INDEX, namespace);
            }
            return indexer.list().stream().filter(o -> namespace.equals(o.namespace())).toList();
        }

        /** Cached objects in the namespace whose labels satisfy {@code labels}. */
        public List<T> list(Predicate<? super Map<String, String>> labels) {
            return filter(list(), labels);
        }

        public Optional<T> get(String name) {
            return indexer.getByKey(Cache.key(namespace, name));
        }
    }
}
