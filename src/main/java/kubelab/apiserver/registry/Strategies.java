package kubelab.apiserver.registry;

import java.util.Map;
import kubelab.api.ResourceType;

/**
 * Which {@link Strategy} serves which kind. Kinds without an entry get the default strategy:
 * DNS-1123 subdomain names, no defaults, no validation beyond metadata.
 */
public final class Strategies {
    private static final Strategy<?> DEFAULT = new Strategy<>() {
    };

    private static final Map<String, Strategy<?>> BY_KIND = Map.of(
            "v1/Namespace", new kubelab.apiserver.registry.core.NamespaceStrategy(),
            "v1/Pod", new kubelab.apiserver.registry.core.PodStrategy());

    private Strategies() {
    }

    /** The strategy for a resource type. */
    public static Strategy<?> forType(ResourceType type) {
        return BY_KIND.getOrDefault(type.apiVersion() + "/" + type.kind(), DEFAULT);
    }
}
