package kubelab.apiserver.auth;

import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;

/**
 * The 403 a refused request gets, word for word as kube-apiserver writes it:
 * {@code pods "web" is forbidden: User "jane" cannot get resource "pods" in API group "" in the
 * namespace "default"}. Without a name (list, create) the subject is the resource alone
 * ({@code pods is forbidden: ...}); a non-resource request has none ({@code forbidden: User "jane"
 * cannot get path "/metrics"}). If the authorizers gave a reason, it follows after a colon.
 * The details name the resource as {@code kind}, as Kubernetes' do.
 *
 * <p>Real Kubernetes: {@code responsewriters.Forbidden} and {@code forbiddenMessage} in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/responsewriters/errors.go}, and
 * {@code errors.NewForbidden} in {@code k8s.io/apimachinery/pkg/api/errors}.
 */
public final class Forbidden {
    private Forbidden() {
    }

    /** The 403 for {@code request}; {@code reason} is the authorizers' (may be empty). */
    public static ApiException of(AuthorizationAttributes request, String reason) {
        String why = request.forbiddenMessage() + (reason == null || reason.isEmpty() ? "" : ": " + reason);
        if (!request.resourceRequest()) {
            return new ApiException(Status.failure(403, "Forbidden", "forbidden: " + why,
                    new Status.Details(null, null, null, null, null, null)));
        }
        String group = request.apiGroup();
        String qualified = group.isEmpty() ? request.resource() : request.resource() + "." + group;
        String name = request.name();
        String subject = name.isEmpty() ? qualified : qualified + " \"" + name + "\"";
        return new ApiException(Status.failure(403, "Forbidden", subject + " is forbidden: " + why,
                new Status.Details(name.isEmpty() ? null : name, group, request.resource(), null, null, null)));
    }
}
