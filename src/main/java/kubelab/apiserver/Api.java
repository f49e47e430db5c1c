package kubelab.apiserver;

import java.util.concurrent.Executor;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;

/**
 * The Kubernetes API as Java calls: the verbs every client uses, whether it is a controller in
 * this process, the CLI, or (through the HTTP frontend) the real kubectl. Every call is one
 * request: it passes admission and validation, and it either happens completely or fails with an
 * {@link ApiException} carrying a Kubernetes {@code Status}; nothing is half done.
 *
 * <p>Namespaced kinds need a namespace on get, update, patch and delete; a null namespace on list
 * or watch means all namespaces.
 *
 * <p>Real Kubernetes: the REST verbs of the API server, {@code k8s.io/apiserver/pkg/endpoints}.
 */
public interface Api {

    /** The resource types this API serves. */
    Scheme scheme();

    /**
     * Creates an object. The server sets uid, resourceVersion, creationTimestamp and generation,
     * fills a name from {@code generateName} if needed, applies defaults and clears status.
     *
     * @return the object as stored
     * @throws ApiException AlreadyExists (409), Invalid (422), NotFound (404) for a missing
     *                      namespace, Forbidden (403) for a terminating one
     */
    <T extends KubeObject> T create(T object, CreateOptions options);

    default <T extends KubeObject> T create(T object) {
        return create(object, CreateOptions.DEFAULT);
    }

    /** @throws ApiException NotFound (404) */
    <T extends KubeObject> T get(Class<T> type, String namespace, String name);

    /** Objects that match the options' selectors, with the resourceVersion the list was read at. */
    <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace, ListOptions options);

    default <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace) {
        return list(type, namespace, ListOptions.ALL);
    }

    /**
     * Replaces an object's spec and metadata; its status is kept as stored. The object must carry
     * the resourceVersion it was read at (or none, to overwrite unconditionally, as Kubernetes
     * allows for most kinds).
     *
     * @throws ApiException Conflict (409) if the object changed since it was read
     */
    <T extends KubeObject> T update(T object, UpdateOptions options);

    default <T extends KubeObject> T update(T object) {
        return update(object, UpdateOptions.DEFAULT);
    }

    /** The status subresource: replaces only the status; everything else is kept as stored. */
    <T extends KubeObject> T updateStatus(T object, UpdateOptions options);

    default <T extends KubeObject> T updateStatus(T object) {
        return updateStatus(object, UpdateOptions.DEFAULT);
    }

    /**
     * Applies a patch to the stored object and stores the result as an update.
     *
     * @param patch the patch document, JSON (or YAML for apply patches)
     */
    <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                   String patch, PatchOptions options);

    /**
     * Server-side apply: merges {@code configuration} (YAML or JSON: a partial object with
     * apiVersion, kind and metadata.name) into the stored object as {@code options.fieldManager()}'s
     * intent, or creates the object if there is none. {@code options.force()} takes over fields
     * other managers own.
     *
     * <p>The default asks first whether the object exists; servers answer in one step.
     *
     * @return the object as stored and whether the apply created it
     * @throws ApiException 409 Conflict listing the fields other managers own (reason Conflict,
     *                      causes of type FieldManagerConflict); 422 without a fieldManager
     */
    default <T extends KubeObject> ApplyResult<T> apply(Class<T> type, String namespace, String name,
                                                        String configuration, PatchOptions options) {
        boolean existed;
        try {
            get(type, namespace, name);
            existed = true;
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
            existed = false;
        }
        return new ApplyResult<>(patch(type, namespace, name, PatchType.APPLY, configuration, options), !existed);
    }

    /**
     * Deletes an object. With finalizers, or a grace period (pods), the object first gets a
     * deletionTimestamp and stays until they are done; the result says which happened.
     */
    <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name, DeleteOptions options);

    default <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name) {
        return delete(type, namespace, name, DeleteOptions.DEFAULT);
    }

    /**
     * Watches objects of a type. With a resourceVersion, every change after it is delivered; with
     * none (or "0"), the handler first gets an ADDED event for each existing object. Events reach
     * {@code handler} through {@code deliverOn}, one at a time, in order.
     *
     * @throws ApiException Expired (410) if the resourceVersion is older than the server keeps
     */
    <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                          Executor deliverOn, WatchHandler<T> handler);

    /**
     * Binds a pod to a node through the pod's {@code binding} subresource: sets
     * {@code spec.nodeName} and the {@code PodScheduled=True} condition in one write. A pod that
     * already has a node, or is being deleted, is a 409 Conflict.
     *
     * @return the pod as bound
     */
    default kubelab.api.core.Pod bind(kubelab.api.core.Binding binding) {
        throw ApiException.methodNotSupported("", "pods/binding", "create");
    }
}
