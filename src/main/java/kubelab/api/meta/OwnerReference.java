package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Points from a dependent to its owner. The garbage collector deletes dependents whose owners are
 * gone; {@code controller: true} marks the one owner that manages the object, and
 * {@code blockOwnerDeletion} makes a foreground deletion of the owner wait for it.
 *
 * <p>Real Kubernetes: {@code metav1.OwnerReference}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record OwnerReference(
        String apiVersion, String kind, String name, String uid, Boolean controller, Boolean blockOwnerDeletion) {

    /** A controller reference to {@code owner}, as controllers set on the objects they create. */
    public static OwnerReference controllerOf(KubeObject owner) {
        return new OwnerReference(owner.apiVersion(), owner.kind(), owner.metadata().name(),
                owner.metadata().uid(), true, true);
    }
}
