package kubelab.openapi;

import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.MicroTime;
import kubelab.api.resource.Quantity;

/**
 * How a Java type of the API model is named in an OpenAPI document: by the Go package that defines
 * the same type in Kubernetes, then the type name ({@code io.k8s.api.apps.v1.DeploymentSpec},
 * {@code io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta}).
 *
 * <p>KubeLab keeps one Java package per API group ({@code kubelab.api.apps}); the version comes from
 * the kinds the Scheme registers from that package, as each group here serves one version.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi/pkg/util.ToRESTFriendlyName}, which turns a Go
 * import path ({@code k8s.io/api/apps/v1.DeploymentSpec}) into the reversed-domain name.
 */
final class DefinitionNames {
    static final String META = "io.k8s.apimachinery.pkg.apis.meta.v1.";
    static final String TIME = META + "Time";
    static final String MICRO_TIME = META + "MicroTime";
    static final String QUANTITY = "io.k8s.apimachinery.pkg.api.resource.Quantity";
    static final String INT_OR_STRING = "io.k8s.apimachinery.pkg.util.intstr.IntOrString";

    private static final String API_ROOT = "kubelab.api.";

    /** Java package name to Kubernetes Go package, as a name prefix ending in a dot. */
    private final Map<String, String> prefixes = new HashMap<>();

    DefinitionNames(Scheme scheme) {
        prefixes.put("kubelab.api.meta", META);
        for (ResourceType t : scheme.all()) {
            String pkg = t.javaType().getPackageName();
            // The first kind registered from a package decides its version (one version a group here).
            prefixes.putIfAbsent(pkg, "io.k8s.api." + lastSegment(pkg) + "." + t.version() + ".");
        }
    }

    /** The definition name of a model type: a record, or one of the scalar wrappers. */
    String of(Class<?> type) {
        if (type == Instant.class) {
            return TIME;
        }
        if (type == MicroTime.class) {
            return MICRO_TIME;
        }
        if (type == Quantity.class) {
            return QUANTITY;
        }
        if (type == IntOrString.class) {
            return INT_OR_STRING;
        }
        String pkg = type.getPackageName();
        String prefix = prefixes.get(pkg);
        if (prefix == null) {
            if (!pkg.startsWith(API_ROOT)) {
                throw new IllegalArgumentException("not an API model type: " + type.getName());
            }
            // A package with types but no kinds of its own: name it as a v1 group would be.
            prefix = "io.k8s.api." + lastSegment(pkg) + ".v1.";
        }
        return prefix + type.getSimpleName();
    }

    /** The definition name of a kind's list ({@code io.k8s.api.core.v1.PodList}). */
    String listOf(ResourceType type) {
        return of(type.javaType()) + "List";
    }

    private static String lastSegment(String pkg) {
        return pkg.substring(pkg.lastIndexOf('.') + 1);
    }
}
