package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * The names of resources that requests, limits, quotas and limit ranges may speak of ({@code cpu},
 * {@code requests.memory}, {@code pods}, {@code count/deployments.apps}, ...), and the checks on
 * their names and amounts. A name without a domain must be one Kubernetes knows; a name with one
 * ({@code example.com/gpu}) is an extended resource and is taken as it is.
 *
 * <p>Real Kubernetes: {@code IsStandardResourceName}, {@code IsStandardContainerResourceName},
 * {@code IsStandardQuotaResourceName} and {@code IsIntegerResourceName} in
 * {@code pkg/apis/core/helper/helpers.go}, and {@code validateResourceName} and
 * {@code ValidateResourceQuantityValue} in {@code pkg/apis/core/validation/validation.go}.
 */
final class ResourceNames {
    private static final Set<String> CONTAINER = Set.of("cpu", "memory", "ephemeral-storage");
    private static final Set<String> QUOTA = Set.of("cpu", "memory", "ephemeral-storage", "requests.cpu",
            "requests.memory", "requests.storage", "requests.ephemeral-storage", "limits.cpu", "limits.memory",
            "limits.ephemeral-storage", "pods", "services", "replicationcontrollers", "resourcequotas", "secrets",
            "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");
    private static final Set<String> STANDARD;
    private static final Set<String> INTEGER = Set.of("pods", "services", "replicationcontrollers", "resourcequotas",
            "secrets", "configmaps", "persistentvolumeclaims", "services.nodeports", "services.loadbalancers");

    static {
        Set<String> standard = new HashSet<>(QUOTA);
        standard.add("storage");
        STANDARD = Set.copyOf(standard);
    }

    private ResourceNames() {
    }

    /** Any resource name: qualified, and standard unless it has a domain. */
    static List<FieldError> resourceName(String name, String path) {
        List<FieldError> errors = LabelChecks.qualifiedName(name, path);
        if (errors.isEmpty() && !name.contains("/") && !STANDARD.contains(name) && !isHugePages(name)) {
            errors = List.of(FieldError.invalid(path, name, "must be a standard resource type or fully qualified"));
        }
        return errors;
    }

    /** A resource a container may request: cpu, memory, ephemeral-storage, hugepages-*, or extended. */
    static List<FieldError> containerResourceName(String name, String path) {
        List<FieldError> errors = new ArrayList<>(resourceName(name, path));
        if (!name.contains("/") && !CONTAINER.contains(name) && !name.startsWith("hugepages-")) {
            errors.add(FieldError.invalid(path, name, "must be a standard resource for containers"));
        }
        return errors;
    }

    /** A resource a quota may limit. */
    static List<FieldError> quotaResourceName(String name, String path) {
        List<FieldError> errors = new ArrayList<>(resourceName(name, path));
        if (!name.contains("/") && !QUOTA.contains(name) && !isHugePages(name)) {
            errors.add(FieldError.invalid(path, name, "must be a standard resource for quota"));
        }
        return errors;
    }

    /** Not negative, and a whole number for counted resources ({@code pods: 10}, not {@code 10.5}). */
    static List<FieldError> quantity(String name, Quantity q, String path) {
        List<FieldError> errors = new ArrayList<>(FieldChecks.nonNegativeQuantity(q, path));
        boolean integer = INTEGER.contains(name) || name.startsWith("count/")
                || (name.contains("/") && !name.startsWith("kubernetes.io/") && !name.contains(".kubernetes.io/")
                && !name.contains("requests.") && !name.contains("limits."));
        if (integer && q.milliValue() % 1000 != 0) {
            errors.add(FieldError.invalid(path, q.toString(), "must be an integer"));
        }
        return errors;
    }

    private static boolean isHugePages(String name) {
        return name.startsWith("hugepages-") || name.startsWith("requests.hugepages-") || name.startsWith("limits.hugepages-");
    }
}
