package kubelab.api;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.CoreV1Pods;

/**
 * The registration lists of every API group, in discovery order (core first, as kubectl prefers
 * core names when a short name is ambiguous).
 */
final class StandardTypes {
    private StandardTypes() {
    }

    static List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>();
        all.addAll(CoreV1Pods.resourceTypes());
        return all;
    }
}
