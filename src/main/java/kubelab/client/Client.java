package kubelab.client;

import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.time.EventLoop;

/**
 * The typed client components and notebooks use to talk to the API server:
 * {@code client.resources(Pod.class).inNamespace("default").get("web")}. Every call is one API
 * request; watch events arrive on the client's event loop.
 *
 * <p>Components read through informers and write through this client: reads from a cache are
 * free, writes must go to the server, carrying the resourceVersion they were based on.
 *
 * <p>Real Kubernetes: {@code kubernetes.Clientset} ({@code client-go/kubernetes}), e.g.
 * {@code clientset.CoreV1().Pods("default").Get(...)}.
 */
public final class Client {
    private final Api api;
    private final EventLoop loop;

    public Client(Api api, EventLoop loop) {
        this.api = api;
        this.loop = loop;
    }

    /** The verbs for one type, in all namespaces until {@link ResourceClient#inNamespace} narrows them. */
    public <T extends KubeObject> ResourceClient<T> resources(Class<T> type) {
        return new ResourceClient<>(api, loop, type, null);
    }

    public Api api() {
        return api;
    }

    public EventLoop loop() {
        return loop;
    }
}
