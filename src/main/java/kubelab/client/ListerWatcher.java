package kubelab.client;

import java.util.concurrent.Executor;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.WatchHandler;

/**
 * The two calls a {@link Reflector} needs from the API server, for one type (and optionally one
 * namespace and selectors): a list, and a watch from a resourceVersion. Tests substitute a fake.
 *
 * <p>Real Kubernetes: {@code cache.ListerWatcher} and {@code cache.NewFilteredListWatchFromClient}.
 */
public interface ListerWatcher<T extends KubeObject> {

    /** The current objects and the resourceVersion they were read at. */
    ObjectList<T> list(ListOptions options);

    /**
     * Watches from {@code options.resourceVersion()}; events arrive through {@code deliverOn}.
     *
     * @throws kubelab.apiserver.ApiException e.g. 410 Expired for a compacted resourceVersion
     */
    ApiWatch watch(ListOptions options, Executor deliverOn, WatchHandler<T> handler);

    /**
     * Lists and watches {@code type} through an {@link Api}.
     *
     * @param namespace     null for all namespaces
     * @param labelSelector null for all labels, e.g. {@code app=web}
     * @param fieldSelector null for all, e.g. {@code spec.nodeName=node-1} (how a kubelet
     *                      watches only its own pods)
     */
    static <T extends KubeObject> ListerWatcher<T> forApi(Api api, Class<T> type, String namespace,
                                                          String labelSelector, String fieldSelector) {
        return new ListerWatcher<>() {
            @Override
            public ObjectList<T> list(ListOptions options) {
                return api.list(type, namespace, narrow(options));
            }

            @Override
            public ApiWatch watch(ListOptions options, Executor deliverOn, WatchHandler<T> handler) {
                return api.watch(type, namespace, narrow(options), deliverOn, handler);
            }

            private ListOptions narrow(ListOptions options) {
                ListOptions o = options;
                if (labelSelector != null) {
                    o = o.withLabelSelector(labelSelector);
                }
                if (fieldSelector != null) {
                    o = o.withFieldSelector(fieldSelector);
                }
                return o;
            }

            @Override
            public String toString() {
                return type.getSimpleName() + (namespace == null ? "" : " in " + namespace);
            }
        };
    }
}
