package kubelab.client;

import java.util.function.UnaryOperator;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
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
import kubelab.apiserver.WatchHandler;
import kubelab.time.EventLoop;

/**
 * The API verbs for one type, optionally narrowed to one namespace. Immutable: {@link #inNamespace}
 * returns a new client.
 *
 * <p>Namespaces: for get, list, patch, delete and watch the namespace is the client's (null: all
 * namespaces, for list and watch). For create and update an object without a namespace gets the
 * client's; an object with a different one is refused, as Kubernetes refuses it; a client without
 * a namespace uses the object's. A cluster-scoped type ignores the namespace, as kubectl does.
 *
 * <p>Real Kubernetes: a typed client such as {@code typed/core/v1.PodInterface}.
 */
public final class ResourceClient<T extends KubeObject> {
    private final Api api;
    private final EventLoop loop;
    private final Class<T> type;
    private final String namespace;

    ResourceClient(Api api, EventLoop loop, Class<T> type, String namespace) {
        this.api = api;
        this.loop = loop;
        this.type = type;
        this.namespace = namespaced() ? namespace : null;
    }

    /** The same verbs in {@code namespace}. */
    public ResourceClient<T> inNamespace(String namespace) {
        return new ResourceClient<>(api, loop, type, namespace);
    }

    /** The same verbs across all namespaces. */
    public ResourceClient<T> inAnyNamespace() {
        return new ResourceClient<>(api, loop, type, null);
    }

    /** The client's namespace, or null. */
    public String namespace() {
        return namespace;
    }

    /** @throws ApiException NotFound (404) */
    public T get(String name) {
        return api.get(type, namespace, name);
    }

    public ObjectList<T> list() {
        return list(ListOptions.ALL);
    }

    public ObjectList<T> list(ListOptions options) {
        return api.list(type, namespace, options);
    }

    /** @return the object as stored, with uid, resourceVersion and defaults set by the server */
    public T create(T obj) {
        return create(obj, CreateOptions.DEFAULT);
    }

    public T create(T obj, CreateOptions options) {
        return api.create(placed(obj), options);
    }

    /** @throws ApiException Conflict (409) if the object changed since it was read */
    public T update(T obj) {
        return api.update(placed(obj), UpdateOptions.DEFAULT);
    }

    /** Writes the status subresource only. */
    public T updateStatus(T obj) {
        return api.updateStatus(placed(obj), UpdateOptions.DEFAULT);
    }

    public T patch(String name, PatchType patchType, String patch) {
        return api.patch(type, namespace, name, patchType, patch, PatchOptions.DEFAULT);
    }

    public DeleteResult<T> delete(String name) {
        return delete(name, DeleteOptions.DEFAULT);
    }

    public DeleteResult<T> delete(String name, DeleteOptions options) {
        return api.delete(type, namespace, name, options);
    }

    /** Watches; events reach {@code handler} as tasks on the client's event loop. */
    public ApiWatch watch(ListOptions options, WatchHandler<T> handler) {
        return api.watch(type, namespace, options, loop, handler);
    }

    /**
     * Read, change, write, and on a 409 Conflict do it all again from a fresh read, up to
     * {@link Retry#DEFAULT_ATTEMPTS} times. {@code mutate} gets the freshly read object and
     * returns the changed copy (never change the object it is given: records cannot anyway).
     *
     * @return the object as stored after the successful update
     */
    public T retryOnConflict(String name, UnaryOperator<T> mutate) {
        return Retry.onConflict(() -> update(mutate.apply(get(name))));
    }

    /** Puts {@code obj} in the client's namespace, or refuses it if it names another. */
    @SuppressWarnings("unchecked")
    private T placed(T obj) {
        if (namespace == null) {
            return obj;
        }
        ObjectMeta meta = obj.metadata() == null ? ObjectMeta.named(null) : obj.metadata();
        if (meta.namespace() == null || meta.namespace().isEmpty()) {
            return (T) obj.withMetadata(meta.withNamespace(namespace));
        }
        if (!meta.namespace().equals(namespace)) {
            throw ApiException.badRequest(
                    "the namespace of the provided object does not match the namespace sent on the request");
        }
        return obj;
    }

    private boolean namespaced() {
        return api.scheme().byClass(type).map(ResourceType::namespaced).orElse(true);
    }

    @Override
    public String toString() {
        return "ResourceClient[" + type.getSimpleName() + (namespace == null ? "" : " in " + namespace) + "]";
    }
}
