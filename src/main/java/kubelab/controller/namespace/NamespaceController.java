package kubelab.controller.namespace;

import java.util.List;
import java.util.Optional;
import kubelab.api.ResourceType;
import kubelab.api.core.Namespace;
import kubelab.api.core.NamespaceSpec;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.Worker;
import kubelab.time.EventLoop;

/**
 * Empties a namespace that is being deleted, then lets it go. For a Namespace with a
 * deletionTimestamp (phase Terminating) it lists every namespaced resource type of the Scheme in
 * that namespace and deletes what it finds; while anything is left it tries again later, with
 * back-off; once nothing is left it removes the {@code kubernetes} finalizer through the
 * {@code finalize} subresource, and the API server deletes the namespace. Meanwhile the API server
 * refuses new objects in it (NamespaceLifecycle admission), so the emptying ends.
 *
 * <p>Deletes are ordinary ones, as Kubernetes makes them: objects with finalizers wait for them,
 * and so do pods with a grace period. A pod bound to a node ({@code spec.nodeName}) stays until its
 * kubelet has stopped it and deletes it with grace 0, so a namespace with such pods and no kubelet
 * stays Terminating; unscheduled pods go at once.
 *
 * <p>Real Kubernetes: {@code NamespaceController} in {@code pkg/controller/namespace} and
 * {@code namespacedResourcesDeleter} in {@code pkg/controller/namespace/deletion}.
 */
public final class NamespaceController {

    /** The one call to the {@code finalize} subresource the controller needs ({@code ApiServer::finalizeNamespace}). */
    @FunctionalInterface
    public interface NamespaceFinalizer {
        Namespace finalizeNamespace(Namespace namespace);
    }

    /** Thrown while objects remain, so that the worker tries the namespace again with back-off. */
    static final class ResourcesRemaining extends Exception {
        ResourcesRemaining(String namespace, int count) {
            super("namespace " + namespace + " still has " + count + " object(s); waiting for them to be deleted");
        }
    }

    private final Api api;
    private final NamespaceFinalizer finalizer;
    private final Lister<Namespace> namespaces;
    private final RateLimitingQueue<String> queue;

    public NamespaceController(Api api, NamespaceFinalizer finalizer, InformerFactory informers, EventLoop loop) {
        this.api = api;
        this.finalizer = finalizer;
        this.namespaces = informers.listerFor(Namespace.class);
        this.queue = new RateLimitingQueue<>("namespace", loop);
        informers.informerFor(Namespace.class).addEventHandler(ResourceEventHandler.onAnyChange(ns -> {
            if (ns.metadata().deletionTimestamp() != null) {
                queue.add(ns.metadata().name());
            }
        }));
        new Worker<>(queue, loop, this::syncNamespace);
    }

    /** Empties namespace {@code name} if it is being deleted, and finalizes it once it is empty. */
    void syncNamespace(String name) throws ResourcesRemaining {
        Optional<Namespace> cached = namespaces.get(name);
        if (cached.isEmpty() || cached.get().metadata().deletionTimestamp() == null) {
            return;
        }
        Namespace ns = cached.get();
        List<String> finalizers = ns.spec() == null ? List.of() : ns.spec().finalizers();
        if (!finalizers.contains(NamespaceSpec.FINALIZER_KUBERNETES)) {
            return; // finalized already; the API server removes it
        }
        int remaining = 0;
        for (ResourceType type : api.scheme().all()) {
            if (type.namespaced()) {
                remaining += deleteAll(type.javaType(), name);
            }
        }
        if (remaining > 0) {
            throw new ResourcesRemaining(name, remaining);
        }
        List<String> rest = finalizers.stream().filter(f -> !f.equals(NamespaceSpec.FINALIZER_KUBERNETES)).toList();
        try {
            finalizer.finalizeNamespace(ns.withSpec(new NamespaceSpec(rest)));
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    /** Deletes every object of {@code type} in the namespace; returns how many are still there. */
    private <T extends KubeObject> int deleteAll(Class<T> type, String namespace) {
        int remaining = 0;
        for (T object : api.list(type, namespace).items()) {
            if (object.metadata().deletionTimestamp() != null) {
                remaining++; // already on its way out: waiting for finalizers or a kubelet
                continue;
            }
            try {
                if (!api.delete(type, namespace, object.metadata().name()).deleted()) {
                    remaining++;
                }
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
            }
        }
        return remaining;
    }
}
