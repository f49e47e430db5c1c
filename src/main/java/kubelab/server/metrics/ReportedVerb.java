package kubelab.server.metrics;

import java.util.Locale;
import java.util.Set;

/**
 * The {@code verb} label of a request as the API server reports it: upper case, the legacy
 * WATCHLIST folded into WATCH, and anything unexpected reported as {@code other} so that a
 * client sending odd methods cannot make the metrics grow without bound.
 *
 * <p>The caller has already told GET from LIST, LIST from WATCH and PATCH from APPLY (from the
 * request's scope, its {@code watch} parameter and its patch content type); this class only
 * keeps the label's values to a known set.
 *
 * <p>Real Kubernetes: {@code cleanVerb} in {@code k8s.io/apiserver/pkg/endpoints/metrics}.
 */
final class ReportedVerb {

    /** Reported for a verb outside {@link #KNOWN}. */
    static final String OTHER = "other";

    /** The verbs the API server reports as themselves. */
    static final Set<String> KNOWN = Set.of(
            "APPLY", "CONNECT", "CREATE", "DELETE", "DELETECOLLECTION", "GET", "LIST",
            "PATCH", "POST", "PROXY", "PUT", "UPDATE", "WATCH");

    private ReportedVerb() {
    }

    /** The label value for {@code verb}; null or blank counts as unexpected. */
    static String of(String verb) {
        if (verb == null) {
            return OTHER;
        }
        String upper = verb.toUpperCase(Locale.ROOT);
        if (upper.equals("WATCHLIST")) {
            return "WATCH";
        }
        return KNOWN.contains(upper) ? upper : OTHER;
    }
}
