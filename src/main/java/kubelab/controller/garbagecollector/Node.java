package kubelab.controller.garbagecollector;

import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.registry.Deletion;

/**
 * One vertex of the ownership graph: who an object is (kind, namespace, name, uid), whom it names
 * as owners, and where it stands in its own deletion. A <em>virtual</em> node stands for an owner
 * that some ownerReference names but no informer has shown yet: it may exist and be late in the
 * cache, or it may never have existed.
 *
 * <p>Real Kubernetes: {@code node} and {@code objectReference} in
 * {@code pkg/controller/garbagecollector/graph.go}.
 *
 * @param apiVersion         e.g. {@code v1}
 * @param kind               e.g. {@code ConfigMap}
 * @param namespace          null for cluster-scoped objects (and for virtual owners, which take
 *                           their dependent's namespace when looked up)
 * @param name               the object's name
 * @param uid                the key of the node in the graph
 * @param owners             the object's ownerReferences as last observed
 * @param beingDeleted       the object has a deletionTimestamp
 * @param deletingDependents the object waits, with the {@code foregroundDeletion} finalizer, for its
 *                           dependents to go first
 * @param orphaning          the object waits, with the {@code orphan} finalizer, for its dependents
 *                           to let go of it
 * @param virtual            seen only as someone's owner, never observed itself
 */
record Node(String apiVersion, String kind, String namespace, String name, String uid, List<OwnerReference> owners,
            boolean beingDeleted, boolean deletingDependents, boolean orphaning, boolean virtual) {

    Node {
        owners = List.copyOf(owners);
    }

    /** The node of an observed object. */
    static Node of(KubeObject object) {
        var m = object.metadata();
        boolean deleting = m.deletionTimestamp() != null;
        return new Node(object.apiVersion(), object.kind(), m.namespace(), m.name(), m.uid(), m.ownerReferences(),
                deleting, deleting && m.finalizers().contains(Deletion.FOREGROUND_FINALIZER),
                deleting && m.finalizers().contains(Deletion.ORPHAN_FINALIZER), false);
    }

    /** A stand-in for the owner {@code ref} names, seen from a dependent in {@code namespace}. */
    static Node virtual(OwnerReference ref, String namespace) {
        return new Node(ref.apiVersion(), ref.kind(), namespace, ref.name(), ref.uid(), List.of(),
                false, false, false, true);
    }

    @Override
    public String toString() {
        return kind + " " + (namespace == null ? "" : namespace + "/") + name + " (uid " + uid + (virtual ? ", virtual)" : ")");
    }
}
