package kubelab.apiserver.admission;

import java.util.Set;
import kubelab.api.core.Namespace;
import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;

/**
 * Keeps objects inside living namespaces: nothing is created in a namespace that does not exist
 * (404, {@code namespaces "x" not found}) or is being deleted (403, {@code unable to create new
 * content in namespace x because it is being terminated}), and the system namespaces cannot be
 * deleted at all.
 *
 * <p>Real Kubernetes: {@code plugin/pkg/admission/namespace/lifecycle}.
 */
public final class NamespaceLifecycle implements AdmissionPlugin.Validating {
    /** Namespaces that may never be deleted. */
    public static final Set<String> IMMORTAL = Set.of("default", "kube-system", "kube-public");
    /** The cause type on a create refused because its namespace is terminating ({@code v1.NamespaceTerminatingCause}). */
    public static final String NAMESPACE_TERMINATING_CAUSE = "NamespaceTerminating";

    @Override
    public String name() {
        return "NamespaceLifecycle";
    }

    @Override
    public void validate(AdmissionRequest request) {
        boolean isNamespace = request.resource().javaType() == Namespace.class;
        if (isNamespace) {
            if (request.operation() == Operation.DELETE && IMMORTAL.contains(request.name())) {
                throw ApiException.forbidden("", "namespaces", request.name(), "this namespace may not be deleted");
            }
            return;
        }
        if (!request.resource().namespaced() || request.operation() != Operation.CREATE) {
            return;
        }
        String ns = request.namespace();
        Namespace namespace;
        try {
            namespace = request.api().get(Namespace.class, null, ns);
        } catch (ApiException e) {
            if (e.code() == 404) {
                throw ApiException.notFound("", "namespaces", ns);
            }
            throw e;
        }
        boolean terminating = namespace.metadata().deletionTimestamp() != null
                || (namespace.status() != null && kubelab.api.core.NamespacePhase.TERMINATING.equals(namespace.status().phase()));
        if (terminating) {
            String why = "unable to create new content in namespace " + ns + " because it is being terminated";
            // The cause lets controllers tell this refusal from a real failure (they stop retrying).
            throw ApiException.forbidden(request.resource().group(), request.resource().plural(), request.name(), why)
                    .withCause(new Status.Cause(NAMESPACE_TERMINATING_CAUSE, why, "metadata.namespace"));
        }
    }
}
