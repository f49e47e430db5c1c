package kubelab.apiserver.auth;

import java.util.ArrayList;
import java.util.List;

/**
 * Decides whether a request may go on. It sees only the request's attributes, never the object
 * in the body: whether Jane may create pods does not depend on the pod. (What a pod may contain
 * is admission's business, later.)
 *
 * <p>Real Kubernetes: {@code authorizer.Authorizer} in {@code k8s.io/apiserver/pkg/authorization/authorizer};
 * {@link #union} is {@code authorization/union}, as {@code --authorization-mode=Node,RBAC} chains them.
 */
@FunctionalInterface
public interface Authorizer {

    Decision authorize(AuthorizationAttributes attributes);

    /**
     * Asks each authorizer in order: the first ALLOW or DENY decides; if all have no opinion, the
     * result is NO_OPINION with their reasons joined by {@code "\n"}.
     */
    static Authorizer union(Authorizer... authorizers) {
        List<Authorizer> all = List.of(authorizers);
        return attributes -> {
            List<String> reasons = new ArrayList<>();
            for (Authorizer a : all) {
                Decision d = a.authorize(attributes);
                if (d.kind() != Decision.Kind.NO_OPINION) {
                    return d;
                }
                if (!d.reason().isEmpty()) {
                    reasons.add(d.reason());
                }
            }
            return Decision.noOpinion(String.join("\n", reasons));
        };
    }

    /** Allows everything: what KubeLab's components were before this package, and {@code --authorization-mode=AlwaysAllow}. */
    static Authorizer alwaysAllow() {
        return attributes -> Decision.allow("");
    }
}
