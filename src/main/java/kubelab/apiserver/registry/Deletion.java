package kubelab.apiserver.registry;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;

/**
 * The rules of a delete request that do not depend on the kind: its preconditions, and how the
 * propagation policy is handed to the garbage collector as a finalizer ({@code orphan} keeps the
 * dependents, {@code foregroundDeletion} deletes them first, Background asks for neither).
 *
 * <p>Real Kubernetes: {@code BeforeDelete} and {@code deletionFinalizersForGarbageCollection} in
 * {@code k8s.io/apiserver/pkg/registry/generic/registry/store.go}.
 */
public final class Deletion {
    /** The finalizers the garbage collector acts on. */
    public static final String ORPHAN_FINALIZER = "orphan";
    public static final String FOREGROUND_FINALIZER = "foregroundDeletion";

    private Deletion() {
    }

    /** Fails with 409 Conflict if the uid or resourceVersion precondition no longer holds. */
    static void checkPreconditions(ResourceType type, ObjectMeta m, DeleteOptions options) {
        if (options.preconditionUid() != null && !options.preconditionUid().equals(m.uid())) {
            throw ApiException.conflict(type.group(), type.plural(), m.name(), "Precondition failed: UID in precondition: "
                    + options.preconditionUid() + ", UID in object meta: " + m.uid());
        }
        if (options.preconditionResourceVersion() != null
                && !options.preconditionResourceVersion().equals(m.resourceVersion())) {
            throw ApiException.conflict(type.group(), type.plural(), m.name(),
                    "Precondition failed: ResourceVersion in precondition: " + options.preconditionResourceVersion()
                            + ", ResourceVersion in object meta: " + m.resourceVersion());
        }
    }

    /** The object's finalizers once the propagation policy (null: leave them as they are) is applied. */
    static List<String> finalizersFor(String policy, List<String> existing) {
        Set<String> finalizers = new LinkedHashSet<>(existing);
        if (DeleteOptions.ORPHAN.equals(policy)) {
            finalizers.remove(FOREGROUND_FINALIZER);
            finalizers.add(ORPHAN_FINALIZER);
        } else if (DeleteOptions.FOREGROUND.equals(policy)) {
            finalizers.remove(ORPHAN_FINALIZER);
            finalizers.add(FOREGROUND_FINALIZER);
        } else if (DeleteOptions.BACKGROUND.equals(policy)) {
            finalizers.remove(ORPHAN_FINALIZER);
            finalizers.remove(FOREGROUND_FINALIZER);
        }
        return List.copyOf(finalizers);
    }
}
