package kubelab.apiserver.auth;

/**
 * An authorizer's answer and why. {@code NO_OPINION} lets the next authorizer of a union decide;
 * if none allows, the request is forbidden. RBAC never says {@code DENY}: its rules only add.
 *
 * <p>Real Kubernetes: {@code authorizer.Decision} ({@code DecisionAllow}, {@code DecisionDeny},
 * {@code DecisionNoOpinion}) and the reason string every {@code Authorize} call returns.
 */
public record Decision(Kind kind, String reason) {

    public enum Kind { ALLOW, DENY, NO_OPINION }

    public Decision {
        reason = reason == null ? "" : reason;
    }

    public static Decision allow(String reason) {
        return new Decision(Kind.ALLOW, reason);
    }

    public static Decision deny(String reason) {
        return new Decision(Kind.DENY, reason);
    }

    public static Decision noOpinion(String reason) {
        return new Decision(Kind.NO_OPINION, reason);
    }

    public boolean allowed() {
        return kind == Kind.ALLOW;
    }

    /** {@code allow}, or {@code forbid} for anything else, as the audit annotation {@code authorization.k8s.io/decision} says. */
    public String auditValue() {
        return allowed() ? "allow" : "forbid";
    }

    @Override
    public String toString() {
        return kind + (reason.isEmpty() ? "" : ": " + reason);
    }
}
