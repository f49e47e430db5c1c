package kubelab.apiserver.auth;

import java.util.List;
import kubelab.api.rbac.PolicyRule;

/**
 * Whether one RBAC {@link PolicyRule} covers a request: a small pure function, so that a test (or
 * a learner) can check a rule without a cluster. A resource request needs the verb, the API group,
 * the resource and (if the rule lists any) the name to match; a non-resource request needs the
 * verb and the path. {@code "*"} matches anything.
 *
 * <p>Resources are matched in their combined form: a rule naming {@code pods} does not cover
 * {@code pods/log}; {@code pods/log} or {@code *\/log} (any resource's {@code log}) do. A
 * non-resource URL ending in {@code *} matches every path with that prefix
 * ({@code /apis/*} covers {@code /apis/apps/v1}).
 *
 * <p>Real Kubernetes: {@code RuleAllows} in {@code plugin/pkg/auth/authorizer/rbac/rbac.go} and
 * {@code VerbMatches}, {@code APIGroupMatches}, {@code ResourceMatches}, {@code ResourceNameMatches},
 * {@code NonResourceURLMatches} in {@code pkg/apis/rbac/v1/evaluation_helpers.go}.
 */
public final class RuleEvaluation {
    private RuleEvaluation() {
    }

    /** True if {@code rule} allows the request. */
    public static boolean ruleAllows(AuthorizationAttributes request, PolicyRule rule) {
        if (request.resourceRequest()) {
            return verbMatches(rule, request.verb())
                    && apiGroupMatches(rule, request.apiGroup())
                    && resourceMatches(rule, request.combinedResource(), request.subresource())
                    && resourceNameMatches(rule, request.name());
        }
        return verbMatches(rule, request.verb()) && nonResourceURLMatches(rule, request.path());
    }

    public static boolean verbMatches(PolicyRule rule, String verb) {
        return containsOrStar(rule.verbs(), verb);
    }

    public static boolean apiGroupMatches(PolicyRule rule, String group) {
        return containsOrStar(rule.apiGroups(), group);
    }

    public static boolean resourceMatches(PolicyRule rule, String combinedResource, String subresource) {
        for (String r : rule.resources()) {
            if (r.equals(PolicyRule.ALL) || r.equals(combinedResource)) {
                return true;
            }
            // "*/scale" names the scale subresource of every resource.
            if (!subresource.isEmpty() && r.equals("*/" + subresource)) {
                return true;
            }
        }
        return false;
    }

    /** A rule without resourceNames covers every name; one with them covers only those names. */
    public static boolean resourceNameMatches(PolicyRule rule, String name) {
        return rule.resourceNames().isEmpty() || rule.resourceNames().contains(name);
    }

    public static boolean nonResourceURLMatches(PolicyRule rule, String path) {
        for (String url : rule.nonResourceURLs()) {
            if (url.equals(PolicyRule.ALL) || url.equals(path)) {
                return true;
            }
            if (url.endsWith("*") && path.startsWith(url.substring(0, url.length() - 1))) {
                return true;
            }
        }
        return false;
    }

    private static boolean containsOrStar(List<String> values, String value) {
        return values.contains(PolicyRule.ALL) || values.contains(value);
    }
}
