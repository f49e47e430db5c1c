package kubelab.controller.replicaset;

import java.util.concurrent.Executor;
import kubelab.api.Scheme;
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
import kubelab.apiserver.WatchHandler;

/** An {@link Api} that passes every call on and counts the create requests, failed ones included. */
final class CountingApi implements Api {
    private final Api delegate;
    int creates;

    CountingApi(Api delegate) {
        this.delegate = delegate;
    }

    @Override
    public Scheme scheme() {
        return delegate.scheme();
    }

    @Override
    public <T extends KubeObject> T create(T object, CreateOptions options) {
        creates++;
        return delegate.create(object, options);
    }

    @Override
    public <T extends KubeObject> T get(Class<T> type, String namespace, String name) {
        return delegate.get(type, namespace, name);
    }

    @Override
    public <T extends KubeObject> ObjectList<T> list(Class<T> type, String namespace, ListOptions options) {
        return delegate.list(type, namespace, options);
    }

    @Override
    public <T extends KubeObject> T update(T object, UpdateOptions options) {
        return delegate.update(object, options);
    }

    @Override
    public <T extends KubeObject> T updateStatus(T object, UpdateOptions options) {
        return delegate.updateStatus(object, options);
    }

    @Override
    public <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                          String patch, PatchOptions options) {
        return delegate.patch(type, namespace, name, patchType, patch, options);
    }

    @Override
    public <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name,
                                                         DeleteOptions options) {
        return delegate.delete(type, namespace, name, options);
    }

    @Override
    public <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                                 Executor deliverOn, WatchHandler<T> handler) {
        return delegate.watch(type, namespace, options, deliverOn, handler);
    }

    @Override
    public kubelab.api.core.Pod bind(kubelab.api.core.Binding binding) {
        return delegate.bind(binding);
    }
}
