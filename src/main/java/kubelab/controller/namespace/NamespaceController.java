package kubelab.controller.namespace;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import kubelab.api.ResourceType;
import kubelab.api.core.Namespace;
import kubelab.api.core.NamespaceSpec;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteResult;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.Worker;
import kubelab.time.Clock;
import kubelab.time.EventLoop;

/**
 * Empties a namespace that is being deleted, then lets it go. For a Namespace with a
 * deletionTimestamp (phase Terminating) it lists every namespaced resource type of the Scheme in
 * that namespace and deletes what it finds; while anything is left it looks again later, after a
 * wait timed by the pods' grace periods; once nothing is left it removes the {@code kubernetes}
 * finalizer through the {@code finalize} subresource, and the API server deletes the namespace. Meanwhile the API server
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
    private static final System.Logger LOG = System.getLogger(NamespaceController.class.getName());

    /** The one call to the {@code finalize} subresource the controller needs ({@code ApiServer::finalizeNamespace}). */
    @FunctionalInterface
    public interface NamespaceFinalizer {
        Namespace finalizeNamespace(Namespace namespace);
    }

    /**
     * What a pass leaves behind: how many objects, and how many seconds the longest pod grace
     * period still has to run (0 if none), from which the next look is timed.
     */
    record Remaining(int count, long estimateSeconds) {
        static final Remaining NONE = new Remaining(0, 0);

        Remaining plus(Remaining other) {
            return new Remaining(count + other.count, Math.max(estimateSeconds, other.estimateSeconds));
        }
    }

    private final Api api;
    private final NamespaceFinalizer finalizer;
    private final Lister<Namespace> namespaces;
    private final RateLimitingQueue<String> queue;
    private final Clock clock;

    public NamespaceController(Api api, NamespaceFinalizer finalizer, InformerFactory informers, EventLoop loop) {
        this.api = api;
        this.finalizer = finalizer;
        this.namespaces = informers.listerFor(Namespace.class);
        this.queue = new RateLimitingQueue<>("namespace", loop);
        this.clock = loop.clock();
        informers.informerFor(Namespace.class).addEventHandler(ResourceEventHandler.onAnyChange(ns -> {
            if (ns.metadata().deletionTimestamp() != null) {
                queue.add(ns.metadata().name());
            }
        }));
        new Worker<>(queue, loop, this::syncNamespace);
    }

    /**
     * Empties namespace {@code name} if it is being deleted, and finalizes it once it is empty.
     * While objects remain it looks again after half the longest remaining pod grace period plus
     * a second: not an error, so no back-off and no warning, as in Kubernetes.
     */
    void syncNamespace(String name) {
        Optional<Namespace> cached = namespaces.get(name);
        if (cached.isEmpty() || cached.get().metadata().deletionTimestamp() == null) {
            return;
        }
        Namespace ns = cached.get();
        List<String> finalizers = ns.spec() == null ? List.of() : ns.spec().finalizers();
        if (!finalizers.contains(NamespaceSpec.FINALIZER_KUBERNETES)) {
            return; // finalized already; the API server removes it
        }
        Remaining remaining = Remaining.NONE;
        for (ResourceType type : api.scheme().all()) {
            if (type.namespaced()) {
                remaining = remaining.plus(deleteAll(type.javaType(), name));
            }
        }
        if (remaining.count() > 0) {
            LOG.log(System.Logger.Level.DEBUG, "namespace " + name + ": " + remaining.count() + " object(s) remaining");
            queue.addAfter(name, Duration.ofSeconds(remaining.estimateSeconds() / 2 + 1));
            return;
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

    /** Deletes every object of {@code type} in the namespace; says what is still there. */
    private <T extends KubeObject> Remaining deleteAll(Class<T> type, String namespace) {
        Remaining remaining = Remaining.NONE;
        for (T object : api.list(type, namespace).items()) {
            T left = object;
            if (object.metadata().deletionTimestamp() == null) {
                try {
                    DeleteResult<T> result = api.delete(type, namespace, object.metadata().name());
                    if (result.deleted()) {
                        continue;
                    }
                    left = result.object();
                } catch (ApiException e) {
                    if (e.code() == 404) {
                        continue;
                    }
                    throw e;
                }
            }
            // On its way out, waiting for finalizers or (a pod) for its grace period and kubelet.
            Instant due = left.metadata().deletionTimestamp();
            long seconds = due == null ? 0 : Math.max(0, Duration.between(clock.now(), due).getSeconds());
            remaining = remaining.plus(new Remaining(1, seconds));
        }
        return remaining;
    }
}
