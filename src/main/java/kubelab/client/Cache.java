package kubelab.client;

import kubelab.api.meta.KubeObject;

/**
 * How caches and work queues name an object: {@code namespace/name}, or just {@code name} for a
 * cluster-scoped object. Event handlers enqueue these keys, workers split them back, and
 * {@link Indexer} stores objects under them.
 *
 * <p>Real Kubernetes: {@code MetaNamespaceKeyFunc} and {@code SplitMetaNamespaceKey} in
 * {@code client-go/tools/cache}.
 */
public final class Cache {
    private Cache() {
    }

    /** {@code default/web} for a namespaced object, {@code node-1} for a cluster-scoped one. */
    public static String metaNamespaceKey(KubeObject obj) {
        String name = obj.name();
        if (name == null || name.isEmpty()) {
            throw new IllegalArgumentException("object has no name: " + obj.kind());
        }
        return key(obj.namespace(), name);
    }

    /** The key of {@code namespace/name}; a null or empty namespace gives the bare name. */
    public static String key(String namespace, String name) {
        return namespace == null || namespace.isEmpty() ? name : namespace + "/" + name;
    }

    /**
     * Splits a key made by {@link #metaNamespaceKey}. The namespace of a bare name is null.
     *
     * @throws IllegalArgumentException for a key with more than one {@code /}
     */
    public static NamespacedName splitMetaNamespaceKey(String key) {
        String[] parts = key.split("/", -1);
        return switch (parts.length) {
            case 1 -> new NamespacedName(null, parts[0]);
            case 2 -> new NamespacedName(parts[0], parts[1]);
            default -> throw new IllegalArgumentException("unexpected key format: \"" + key + "\"");
        };
    }

    /** A namespace (null for cluster-scoped objects) and a name; prints as its key. */
    public record NamespacedName(String namespace, String name) {
        @Override
        public String toString() {
            return key(namespace, name);
        }
    }
}
