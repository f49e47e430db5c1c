package kubelab.controller.garbagecollector;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.registry.Deletion;
import kubelab.client.InformerFactory;
import kubelab.client.RateLimitingQueue;
import kubelab.client.Worker;
import kubelab.time.EventLoop;

/**
 * The garbage collector: deletes objects whose owners are gone, and carries out the two deletion
 * policies that need help, Foreground (dependents first, then the owner) and Orphan (dependents
 * stay and let go of the owner). It watches every resource type of the Scheme, keeps the ownership
 * graph in a {@link GraphBuilder}, and works through two queues of uids:
 * <ul>
 *   <li>{@code attemptToDelete}: for a dependent, classify each owner as solid (there), dangling
 *       (absent, checked with a live GET because a cache may lag) or waiting (being deleted in the
 *       foreground). With no solid owner it is deleted; with one, it only drops the references to
 *       dangling and waiting owners. For an owner deleting its dependents, it removes the
 *       {@code foregroundDeletion} finalizer once no dependent blocks it.</li>
 *   <li>{@code attemptToOrphan}: remove the owner's reference from every dependent, then the
 *       {@code orphan} finalizer from the owner.</li>
 * </ul>
 * Background deletion needs nothing special: the owner goes at once, and its dependents then find
 * it dangling.
 *
 * <p>Real Kubernetes: {@code GarbageCollector} ({@code attemptToDeleteItem}, {@code classifyReferences},
 * {@code processDeletingDependentsItem}, {@code attemptToOrphanWorker}) in
 * {@code pkg/controller/garbagecollector/garbagecollector.go}.
 */
public final class GarbageCollector {
    private static final System.Logger LOG = System.getLogger(GarbageCollector.class.getName());
    /** Kubernetes keeps the last 500 absent owners. */
    static final int ABSENT_OWNER_CACHE_SIZE = 500;

    private final Api api;
    private final GraphBuilder graph;
    private final RateLimitingQueue<String> attemptToDelete;
    private final RateLimitingQueue<String> attemptToOrphan;
    /**
     * Owners a live GET found absent, by namespace and uid. A uid is never reused, so an absent
     * owner stays absent: many dependents of one deleted owner cost one GET, not one each.
     */
    private final Map<String, Boolean> absentOwnerCache = new LinkedHashMap<>(16, 0.75f, true) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > ABSENT_OWNER_CACHE_SIZE;
        }
    };

    /** Asks {@code informers} for one informer per resource type; start the factory afterwards. */
    public GarbageCollector(Api api, InformerFactory informers, EventLoop loop) {
        this.api = api;
        this.attemptToDelete = new RateLimitingQueue<>("garbage_collector_attempt_to_delete", loop);
        this.attemptToOrphan = new RateLimitingQueue<>("garbage_collector_attempt_to_orphan", loop);
        this.graph = new GraphBuilder(attemptToDelete, attemptToOrphan);
        for (ResourceType type : api.scheme().all()) {
            watch(informers, type.javaType());
        }
        new Worker<>(attemptToDelete, loop, this::attemptToDeleteItem);
        new Worker<>(attemptToOrphan, loop, this::attemptToOrphanItem);
    }

    private <T extends KubeObject> void watch(InformerFactory informers, Class<T> type) {
        informers.informerFor(type).addEventHandler(graph.<T>handler());
    }

    /** The uids of the objects that name {@code uid} as an owner, as the graph knows them. */
    public List<String> dependents(String uid) {
        return graph.dependents(uid);
    }

    /** The graph's edges, "owner -> dependent", for a learner to print. */
    public List<String> edges() {
        return graph.edges();
    }

    // ---- attemptToDelete ------------------------------------------------------------------------

    /** Decides about one object: delete it, drop some of its owner references, or finish a foreground deletion. */
    void attemptToDeleteItem(String uid) {
        Optional<Node> node = graph.node(uid);
        if (node.isEmpty() || node.get().virtual()) {
            return; // virtual nodes are never acted on: their dependents are.
        }
        Optional<KubeObject> found = getLive(node.get().apiVersion(), node.get().kind(), node.get().namespace(),
                node.get().name(), uid);
        if (found.isEmpty()) {
            return; // gone already; the informer will tell the graph
        }
        KubeObject item = found.get();
        ObjectMeta m = item.metadata();
        if (m.deletionTimestamp() != null) {
            if (m.finalizers().contains(Deletion.FOREGROUND_FINALIZER)) {
                processDeletingDependents(item);
            }
            return; // otherwise it is on its way out: grace period or other finalizers
        }
        if (m.ownerReferences().isEmpty()) {
            return;
        }
        List<OwnerReference> solid = new ArrayList<>();
        List<OwnerReference> dangling = new ArrayList<>();
        List<OwnerReference> waiting = new ArrayList<>();
        for (OwnerReference ref : m.ownerReferences()) {
            Optional<KubeObject> owner = owner(ref, m.namespace());
            if (owner.isEmpty()) {
                dangling.add(ref);
            } else if (owner.get().metadata().deletionTimestamp() != null
                    && owner.get().metadata().finalizers().contains(Deletion.FOREGROUND_FINALIZER)) {
                waiting.add(ref);
            } else {
                solid.add(ref);
            }
        }
        if (!solid.isEmpty()) {
            if (!dangling.isEmpty() || !waiting.isEmpty()) {
                // It keeps a live owner, so it stays; but it must let go of the others, or a
                // waiting owner would wait for it forever.
                update(item.withMetadata(m.withOwnerReferences(solid)));
            }
            return;
        }
        // No owner is left: the object goes. If an owner waits for it and it has dependents of
        // its own, it goes in the foreground too, so that the wait reaches all the way down.
        String policy = !waiting.isEmpty() && !graph.dependents(uid).isEmpty() ? DeleteOptions.FOREGROUND : null;
        LOG.log(System.Logger.Level.DEBUG, "deleting " + node.get() + " (owners " + dangling + waiting + " gone)");
        delete(node.get(), new DeleteOptions(null, policy, uid, null, false));
    }

    /** An owner in foreground deletion: nudge blocking dependents, or finish once there are none. */
    private void processDeletingDependents(KubeObject owner) {
        String uid = owner.metadata().uid();
        List<String> blocking = new ArrayList<>();
        for (String dependent : graph.dependents(uid)) {
            graph.node(dependent).ifPresent(d -> {
                boolean blocks = d.owners().stream().anyMatch(r -> uid.equals(r.uid())
                        && Boolean.TRUE.equals(r.blockOwnerDeletion()));
                if (blocks) {
                    blocking.add(dependent);
                    if (!d.deletingDependents()) {
                        attemptToDelete.add(dependent);
                    }
                }
            });
        }
        if (blocking.isEmpty()) {
            removeFinalizer(owner, Deletion.FOREGROUND_FINALIZER);
        }
        // Otherwise the graph re-enqueues this owner as each blocking dependent goes or lets go.
    }

    // ---- attemptToOrphan ------------------------------------------------------------------------

    /** Makes every dependent let go of the owner, then lets the owner go. */
    void attemptToOrphanItem(String uid) {
        Optional<Node> node = graph.node(uid);
        if (node.isEmpty() || !node.get().orphaning()) {
            return;
        }
        Optional<KubeObject> owner = getLive(node.get().apiVersion(), node.get().kind(), node.get().namespace(),
                node.get().name(), uid);
        if (owner.isEmpty() || !owner.get().metadata().finalizers().contains(Deletion.ORPHAN_FINALIZER)) {
            return;
        }
        for (String dependentUid : graph.dependents(uid)) {
            Node d = graph.node(dependentUid).orElseThrow();
            getLive(d.apiVersion(), d.kind(), d.namespace(), d.name(), dependentUid).ifPresent(dependent -> {
                ObjectMeta dm = dependent.metadata();
                List<OwnerReference> kept = dm.ownerReferences().stream().filter(r -> !uid.equals(r.uid())).toList();
                if (kept.size() != dm.ownerReferences().size()) {
                    update(dependent.withMetadata(dm.withOwnerReferences(kept)));
                }
            });
        }
        removeFinalizer(owner.get(), Deletion.ORPHAN_FINALIZER);
    }

    // ---- talking to the API server --------------------------------------------------------------

    /**
     * The owner {@code ref} names, read live from the API server (a cache that has not seen it
     * yet must not get a dependent deleted); empty if it is absent or has another uid.
     */
    private Optional<KubeObject> owner(OwnerReference ref, String dependentNamespace) {
        Optional<ResourceType> type = api.scheme().byKind(ref.apiVersion(), ref.kind());
        if (type.isEmpty()) {
            // A kind this server does not serve: Kubernetes cannot resolve it either, and retries.
            throw new IllegalStateException("unknown owner kind " + ref.apiVersion() + "/" + ref.kind());
        }
        if (type.get().namespaced() && dependentNamespace == null) {
            return Optional.empty(); // a cluster-scoped object cannot be owned by a namespaced one
        }
        String key = (type.get().namespaced() ? dependentNamespace : "") + "/" + ref.uid();
        if (absentOwnerCache.get(key) != null) { // get, not containsKey: it refreshes the entry
            return Optional.empty();
        }
        Optional<KubeObject> owner = getLive(ref.apiVersion(), ref.kind(), dependentNamespace, ref.name(), ref.uid());
        if (owner.isEmpty()) {
            absentOwnerCache.put(key, Boolean.TRUE);
        }
        return owner;
    }

    /** A live GET by name; empty if not found, or found with another uid (a new object of that name). */
    private Optional<KubeObject> getLive(String apiVersion, String kind, String namespace, String name, String uid) {
        ResourceType type = api.scheme().byKind(apiVersion, kind).orElseThrow(
                () -> new IllegalStateException("unknown kind " + apiVersion + "/" + kind));
        try {
            KubeObject object = api.get(type.javaType(), type.namespaced() ? namespace : null, name);
            return uid.equals(object.metadata().uid()) ? Optional.of(object) : Optional.empty();
        } catch (ApiException e) {
            if (e.code() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private void removeFinalizer(KubeObject object, String finalizer) {
        ObjectMeta m = object.metadata();
        List<String> kept = m.finalizers().stream().filter(f -> !f.equals(finalizer)).toList();
        update(object.withMetadata(m.withFinalizers(kept)));
    }

    /** Writes with the resourceVersion read: a 409 Conflict throws, and the worker retries with back-off. */
    private void update(KubeObject object) {
        try {
            api.update(object);
        } catch (ApiException e) {
            if (e.code() != 404) {
                throw e;
            }
        }
    }

    private void delete(Node node, DeleteOptions options) {
        ResourceType type = api.scheme().byKind(node.apiVersion(), node.kind()).orElseThrow();
        try {
            api.delete(type.javaType(), type.namespaced() ? node.namespace() : null, node.name(), options);
        } catch (ApiException e) {
            if (e.code() != 404 && e.code() != 409) {
                throw e; // 409: the uid precondition failed, so this object is already gone
            }
        }
    }
}
