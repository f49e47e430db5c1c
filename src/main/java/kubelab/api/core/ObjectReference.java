package kubelab.api.core;

import kubelab.api.meta.KubeObject;

/**
 * A reference to any object, with enough to find it again: kind, namespace, name, uid, and the
 * resourceVersion it was seen at. Events use it for {@code involvedObject}, endpoints for
 * {@code targetRef}, a bound PersistentVolume for {@code claimRef}.
 *
 * <p>Real Kubernetes: {@code corev1.ObjectReference}.
 */
public record ObjectReference(String kind, String namespace, String name, String uid, String apiVersion,
                              String resourceVersion, String fieldPath) {

    /** A reference to {@code object} as it is now. */
    public static ObjectReference to(KubeObject object) {
        return new ObjectReference(object.kind(), object.metadata().namespace(), object.metadata().name(),
                object.metadata().uid(), object.apiVersion(), object.metadata().resourceVersion(), null);
    }
}
