package kubelab.apiserver.auth;

import kubelab.api.Scheme;
import kubelab.apiserver.UserInfo;

/**
 * "May this user do this?", asked without doing it: the question {@code kubectl auth can-i}
 * sends as a SelfSubjectAccessReview (about oneself) or a SubjectAccessReview (about anyone, for
 * admins and webhooks). The answer comes from the same {@link Authorizer} that guards requests,
 * so it cannot disagree with what a real request would get.
 *
 * <p>Real Kubernetes: the {@code authorization.k8s.io/v1} SubjectAccessReview and its REST
 * handler in {@code pkg/registry/authorization/subjectaccessreview}.
 */
public final class SubjectAccessReview {
    private SubjectAccessReview() {
    }

    /**
     * The review's status: {@code allowed} if some authorizer allowed it, {@code denied} if one
     * explicitly denied it (RBAC never does), and the authorizers' reason.
     */
    public record Status(boolean allowed, boolean denied, String reason) {
        @Override
        public String toString() {
            return (allowed ? "yes" : "no") + (reason.isEmpty() ? "" : " - " + reason);
        }
    }

    /** Evaluates a review of {@code attributes} (whose user is the subject asked about). */
    public static Status evaluate(Authorizer authorizer, AuthorizationAttributes attributes) {
        Decision d = authorizer.authorize(attributes);
        return new Status(d.allowed(), d.kind() == Decision.Kind.DENY, d.reason());
    }

    /**
     * {@code kubectl auth can-i <verb> <resource> [name] -n <namespace> --as <user>}: e.g.
     * {@code canI(rbac, scheme, jane, "list", "pods", "default", null)} or
     * {@code canI(rbac, scheme, jane, "get", "pods/log", "default", "web")}.
     */
    public static Status canI(Authorizer authorizer, Scheme scheme, UserInfo user, String verb, String resource,
                              String namespace, String name) {
        return evaluate(authorizer, AuthorizationAttributes.parse(scheme, user, verb, resource, namespace, name));
    }

    /** {@code kubectl auth can-i get /healthz}: a non-resource URL. */
    public static Status canIPath(Authorizer authorizer, UserInfo user, String verb, String path) {
        return evaluate(authorizer, AuthorizationAttributes.nonResource(user, verb, path));
    }
}
