package kubelab.controller.garbagecollector;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.client.DeletedFinalStateUnknown;
import kubelab.client.ResourceEventHandler;
import kubelab.client.WorkQueue;
import org.jgrapht.Graph;
import org.jgrapht.graph.DefaultDirectedGraph;
import org.jgrapht.graph.DefaultEdge;

/**
 * Keeps the ownership graph of every object the informers show: one vertex per uid, one edge from
 * each owner to each of its dependents. It turns each informer notification into a small change of
 * the graph and enqueues only the uids that change could concern: the object itself, the owners it
 * gained or lost, and the dependents of an owner that went away or began a foreground deletion.
 * Nothing here calls the API server; the {@link GarbageCollector}'s workers decide and act.
 *
 * <p>Everything runs on the event loop (informer handlers and workers alike), so the graph needs
 * no lock.
 *
 * <p>Real Kubernetes: {@code GraphBuilder} ({@code processGraphChanges}, {@code addDependentToOwners},
 * {@code removeNode}) in {@code pkg/controller/garbagecollector/graph_builder.go}.
 */
final class GraphBuilder {
    private final Graph<String, DefaultEdge> graph = new DefaultDirectedGraph<>(DefaultEdge.class);
    private final Map<String, Node> nodes = new HashMap<>();
    private final WorkQueue<String> attemptToDelete;
    private final WorkQueue<String> attemptToOrphan;

    GraphBuilder(WorkQueue<String> attemptToDelete, WorkQueue<String> attemptToOrphan) {
        this.attemptToDelete = attemptToDelete;
        this.attemptToOrphan = attemptToOrphan;
    }

    /** The handler to add to every informer. */
    <T extends KubeObject> ResourceEventHandler<T> handler() {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj, boolean isInInitialList) {
                observe(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                observe(newObj);
            }

            @Override
            public void onDelete(T obj) {
                forget(obj);
            }

            @Override
            public void onDeletedFinalStateUnknown(DeletedFinalStateUnknown<T> tombstone) {
                forget(tombstone.obj());
            }
        };
    }

    /** The node for {@code uid}, if the graph has one (observed or virtual). */
    Optional<Node> node(String uid) {
        return Optional.ofNullable(nodes.get(uid));
    }

    /** The uids of the objects that name {@code uid} as an owner. */
    List<String> dependents(String uid) {
        if (!graph.containsVertex(uid)) {
            return List.of();
        }
        return graph.outgoingEdgesOf(uid).stream().map(graph::getEdgeTarget).sorted().toList();
    }

    /** How many nodes the graph holds, virtual ones included. */
    int size() {
        return nodes.size();
    }

    /** An object was added or changed: update its node and its edges, and enqueue what it concerns. */
    void observe(KubeObject object) {
        Node next = Node.of(object);
        String uid = next.uid();
        if (uid == null) {
            return;
        }
        Node old = nodes.get(uid);
        List<OwnerReference> oldOwners = old == null ? List.of() : old.owners();
        nodes.put(uid, next);
        graph.addVertex(uid);

        Set<String> newOwnerUids = new HashSet<>();
        for (OwnerReference ref : next.owners()) {
            newOwnerUids.add(ref.uid());
            if (!nodes.containsKey(ref.uid())) {
                nodes.put(ref.uid(), Node.virtual(ref, next.namespace()));
                graph.addVertex(ref.uid());
            }
            graph.addEdge(ref.uid(), uid);
            if (nodes.get(ref.uid()).virtual()) {
                // An owner no informer has shown: late in its cache, or absent. The worker asks the
                // API server which, before it acts.
                attemptToDelete.add(uid);
            }
        }
        for (OwnerReference ref : oldOwners) {
            if (!newOwnerUids.contains(ref.uid())) {
                unlink(ref.uid(), uid);
            }
        }

        if (next.orphaning()) {
            attemptToOrphan.add(uid);
        }
        if (next.deletingDependents()) {
            attemptToDelete.add(uid);
            if (old == null || !old.deletingDependents()) {
                // The owner now waits for its dependents: each of them must go (or let go).
                dependents(uid).forEach(attemptToDelete::add);
            }
        }
    }

    /**
     * An object is gone. If others still name it as their owner it stays as a virtual node, and
     * they are enqueued: with their owner absent, they may have to go too.
     */
    void forget(KubeObject object) {
        String uid = object.metadata().uid();
        Node old = nodes.get(uid);
        if (old == null) {
            return;
        }
        for (OwnerReference ref : old.owners()) {
            unlink(ref.uid(), uid);
        }
        List<String> dependents = dependents(uid);
        if (dependents.isEmpty()) {
            nodes.remove(uid);
            graph.removeVertex(uid);
        } else {
            nodes.put(uid, new Node(old.apiVersion(), old.kind(), old.namespace(), old.name(), uid, List.of(),
                    false, false, false, true));
            dependents.forEach(attemptToDelete::add);
        }
    }

    /** Removes the edge owner -> dependent; an owner that waits for its dependents looks again. */
    private void unlink(String ownerUid, String dependentUid) {
        graph.removeEdge(ownerUid, dependentUid);
        Node owner = nodes.get(ownerUid);
        if (owner == null) {
            return;
        }
        if (owner.virtual() && graph.outDegreeOf(ownerUid) == 0) {
            nodes.remove(ownerUid);
            graph.removeVertex(ownerUid);
        } else if (owner.deletingDependents()) {
            attemptToDelete.add(ownerUid);
        }
    }

    /** For diagnostics: every edge as "owner -> dependent". */
    List<String> edges() {
        List<String> out = new ArrayList<>();
        for (DefaultEdge e : graph.edgeSet()) {
            out.add(nodes.get(graph.getEdgeSource(e)) + " -> " + nodes.get(graph.getEdgeTarget(e)));
        }
        return out;
    }
}
