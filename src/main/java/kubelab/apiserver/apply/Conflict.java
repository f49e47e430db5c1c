package kubelab.apiserver.apply;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.apply.ManagedFields.Manager;

/**
 * One field an apply would change that another manager owns, and the 409 Conflict that lists
 * them: {@code Apply failed with 1 conflict: conflict with "kubectl-client-side-apply" using
 * apps/v1: .spec.replicas}, with one {@code FieldManagerConflict} cause per field.
 *
 * <p>Real Kubernetes: {@code merge.Conflict} in structured-merge-diff, and
 * {@code internal.NewConflictError} in {@code k8s.io/apiserver/.../fieldmanager/internal/conflict.go}.
 */
record Conflict(Manager manager, List<PathElement> path) {
    /** The cause type Kubernetes gives each conflicting field. */
    static final String CAUSE_TYPE = "FieldManagerConflict";

    static ApiException error(List<Conflict> conflicts) {
        List<Status.Cause> causes = new ArrayList<>();
        for (Conflict c : conflicts) {
            causes.add(new Status.Cause(CAUSE_TYPE, "conflict with " + c.manager().describe(),
                    FieldSet.pathString(c.path())));
        }
        return new ApiException(Status.failure(409, "Conflict", message(conflicts),
                new Status.Details(null, null, null, null, causes, null)));
    }

    private static String message(List<Conflict> conflicts) {
        if (conflicts.size() == 1) {
            Conflict c = conflicts.get(0);
            return "Apply failed with 1 conflict: conflict with " + c.manager().describe() + ": "
                    + FieldSet.pathString(c.path());
        }
        // Grouped by manager, managers sorted as Kubernetes sorts their encoded names.
        Map<String, List<String>> byManager = new TreeMap<>();
        Map<String, String> described = new LinkedHashMap<>();
        for (Conflict c : conflicts) {
            String key = c.manager().manager() + "\u0000" + c.manager().operation() + "\u0000" + c.manager().subresource();
            described.put(key, c.manager().describe());
            byManager.computeIfAbsent(key, k -> new ArrayList<>()).add(FieldSet.pathString(c.path()));
        }
        List<String> lines = new ArrayList<>();
        byManager.forEach((key, paths) -> {
            lines.add("conflicts with " + described.get(key) + ":");
            paths.forEach(p -> lines.add("- " + p));
        });
        return "Apply failed with " + conflicts.size() + " conflicts: " + String.join("\n", lines);
    }
}
