package kubelab.apiserver.auth;

import java.util.concurrent.Executor;
import java.util.function.Supplier;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.Binding;
import kubelab.api.core.Pod;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.DeleteResult;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.WatchHandler;

/**
 * The {@link Api} one caller sees through a {@link HandlerChain}: each verb is first described as
 * Kubernetes' URL would describe it (verb, resource, subresource, namespace, name), authorized,
 * audited, and only then passed to the server.
 *
 * <p>The verbs map as kube-apiserver's {@code RequestInfoFactory} maps HTTP requests: create is
 * {@code create} on the collection (no name, even if the object has one), get/update/patch/delete
 * name the object, list and watch name none (and, with a null namespace, cover all namespaces),
 * {@code updateStatus} is {@code update} on the {@code status} subresource, and {@code bind} is
 * {@code create} on {@code pods/binding}. A namespaced request without a namespace acts in
 * {@code default}, as the server does.
 *
 * <p>Real Kubernetes: {@code request.RequestInfoFactory.NewRequestInfo} in
 * {@code k8s.io/apiserver/pkg/endpoints/request/requestinfo.go}, which turns each HTTP request
 * into the attributes {@code WithAuthorization} checks.
 */
final class SecureApi implements Api {
    private final HandlerChain chain;
    private final Supplier<UserInfo> user;
    private final Api server;

    SecureApi(HandlerChain chain, Supplier<UserInfo> user) {
        this.chain = chain;
        this.user = user;
        this.server = chain.api();
    }

    @Override
    public Scheme scheme() {
        return server.scheme();
    }

    private ResourceType typeOf(Class<?> type) {
        return server.scheme().byClass(type).orElse(null);
    }

    /** The namespace the server will act in: {@code default} for a namespaced request without one. */
    private static String namespaceFor(ResourceType type, String namespace) {
        return namespace == null || namespace.isEmpty() ? "default" : namespace;
    }

    private <R> R serve(String verb, ResourceType type, String subresource, String namespace, String name,
                        String objectName, int success, Supplier<R> action) {
        if (type == null) {
            // Not a kind the server serves: it answers 404 without touching anything, as a
            // request to an unknown URL gets 404 whoever sends it.
            return action.get();
        }
        return chain.serve(user, u -> AuthorizationAttributes.resource(u, verb, type, subresource, namespace, name),
                objectName, success, action);
    }

    @Override
    public <T extends KubeObject> T create(T object, CreateOptions options) {
        ResourceType type = typeOf(object.getClass());
        String ns = type == null ? null : namespaceFor(type, object.namespace());
        return serve("create", type, null, ns, null, object.name(), 201, () -> server.create(object, options));
    }

    @Override
    public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        ResourceType t = typeOf(type);
        return serve("get", t, null, t == null ? null : namespaceFor(t, namespace), name, null, 200,
                () -> server.get(type, namespace, name));
    }

    @Override
    public <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace, ListOptions options) {
        return serve("list", typeOf(type), null, namespace, null, null, 200, () -> server.list(type, namespace, options));
    }

    @Override
    public <T extends KubeObject> T update(T object, UpdateOptions options) {
        ResourceType type = typeOf(object.getClass());
        String ns = type == null ? null : namespaceFor(type, object.namespace());
        return serve("update", type, null, ns, object.name(), null, 200, () -> server.update(object, options));
    }

    @Override
    public <T extends KubeObject> T updateStatus(T object, UpdateOptions options) {
        ResourceType type = typeOf(object.getClass());
        String ns = type == null ? null : namespaceFor(type, object.namespace());
        return serve("update", type, "status", ns, object.name(), null, 200, () -> server.updateStatus(object, options));
    }

    @Override
    public <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                          String patch, PatchOptions options) {
        ResourceType t = typeOf(type);
        return serve("patch", t, null, t == null ? null : namespaceFor(t, namespace), name, null, 200,
                () -> server.patch(type, namespace, name, patchType, patch, options));
    }

    @Override
    public <T extends KubeObject> kubelab.apiserver.ApplyResult<T> apply(Class<T> type, String namespace, String name,
                                                                        String configuration, PatchOptions options) {
        ResourceType t = typeOf(type);
        return serve("patch", t, null, t == null ? null : namespaceFor(t, namespace), name, null, 200,
                () -> server.apply(type, namespace, name, configuration, options));
    }

    @Override
    public <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name,
                                                        DeleteOptions options) {
        ResourceType t = typeOf(type);
        return serve("delete", t, null, t == null ? null : namespaceFor(t, namespace), name, null, 200,
                () -> server.delete(type, namespace, name, options));
    }

    @Override
    public <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                                 Executor deliverOn, WatchHandler<T> handler) {
        // Audited when the watch starts; what it delivers later is not a request.
        return serve("watch", typeOf(type), null, namespace, null, null, 200,
                () -> server.watch(type, namespace, options, deliverOn, handler));
    }

    @Override
    public Pod bind(Binding binding) {
        ResourceType pods = typeOf(Pod.class);
        String ns = namespaceFor(pods, binding.namespace());
        return serve("create", pods, "binding", ns, binding.name(), null, 201, () -> server.bind(binding));
    }
}
