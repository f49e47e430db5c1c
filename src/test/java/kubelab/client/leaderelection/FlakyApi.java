package kubelab.client.leaderelection;

import java.util.concurrent.Executor;
import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;
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

/**
 * One process's connection to the shared API server, whose writes can be made to fail with 503,
 * as when the process is cut off from the server or the server from etcd. Reads still work.
 */
final class FlakyApi implements Api {
    private final Api delegate;
    boolean failWrites;
    int writes;

    FlakyApi(Api delegate) {
        this.delegate = delegate;
    }

    private void write() {
        writes++;
        if (failWrites) {
            throw ApiException.serviceUnavailable("the server is currently unable to handle the request");
        }
    }

    @Override
    public Scheme scheme() {
        return delegate.scheme();
    }

    @Override
    public <T extends KubeObject> T create(T object, CreateOptions options) {
        write();
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
        write();
        return delegate.update(object, options);
    }

    @Override
    public <T extends KubeObject> T updateStatus(T object, UpdateOptions options) {
        write();
        return delegate.updateStatus(object, options);
    }

    @Override
    public <T extends KubeObject> T patch(Class<T> type, String namespace, String name, PatchType patchType,
                                          String patch, PatchOptions options) {
        write();
        return delegate.patch(type, namespace, name, patchType, patch, options);
    }

    @Override
    public <T extends KubeObject> DeleteResult<T> delete(Class<T> type, String namespace, String name,
                                                         DeleteOptions options) {
        write();
        return delegate.delete(type, namespace, name, options);
    }

    @Override
    public <T extends KubeObject> ApiWatch watch(Class<T> type, String namespace, ListOptions options,
                                                 Executor deliverOn, WatchHandler<T> handler) {
        return delegate.watch(type, namespace, options, deliverOn, handler);
    }
}
