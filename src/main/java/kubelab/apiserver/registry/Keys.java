package kubelab.apiserver.registry;

import kubelab.api.ResourceType;

/**
 * Where objects live in the store: {@code /registry/<resource>/<namespace>/<name>} for namespaced
 * kinds and {@code /registry/<resource>/<name>} for cluster-scoped ones. Prefixes always end in a
 * slash, so {@code /registry/persistentvolumes/} never matches a PersistentVolumeClaim's key.
 *
 * <p>Real Kubernetes: the same layout, built by {@code genericregistry.Store.KeyFunc}
 * ({@code NamespaceKeyFunc}); {@code etcdctl get --prefix /registry/pods} shows it.
 */
public final class Keys {
    public static final String ROOT = "/registry/";

    private Keys() {
    }

    /** The prefix of every object of a type. */
    public static String prefix(ResourceType type) {
        return ROOT + type.plural() + "/";
    }

    /** The prefix of every object of a type in one namespace, or of all if namespace is null. */
    public static String prefix(ResourceType type, String namespace) {
        if (!type.namespaced() || namespace == null) {
            return prefix(type);
        }
        return prefix(type) + namespace + "/";
    }

    /** The key of one object. */
    public static String key(ResourceType type, String namespace, String name) {
        return type.namespaced() ? prefix(type) + namespace + "/" + name : prefix(type) + name;
    }
}
