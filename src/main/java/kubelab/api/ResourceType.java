package kubelab.api;

import java.util.List;
import java.util.Set;
import kubelab.api.meta.KubeObject;

/**
 * Everything the system knows about one kind of resource: its group, version and kind, the plural
 * name used in URLs and store keys, its short names, whether it lives in a namespace, its Java
 * record, and which subresources it has. One table of these ({@link Scheme}) serves discovery,
 * the CLI, the HTTP layer and the store's key layout.
 *
 * <p>Real Kubernetes: {@code metav1.APIResource} in discovery, plus the scheme's type registry.
 *
 * @param group        API group, "" for the core group
 * @param version      API version, e.g. {@code v1}
 * @param kind         e.g. {@code Deployment}
 * @param plural       resource name, e.g. {@code deployments}
 * @param singular     e.g. {@code deployment}
 * @param shortNames   e.g. {@code deploy}
 * @param namespaced   true if objects live in a namespace
 * @param javaType     the record that models it
 * @param subresources e.g. {@code status}, {@code scale}, {@code log}
 * @param categories   e.g. {@code all}
 */
public record ResourceType(
        String group,
        String version,
        String kind,
        String plural,
        String singular,
        List<String> shortNames,
        boolean namespaced,
        Class<? extends KubeObject> javaType,
        Set<String> subresources,
        List<String> categories) {

    public ResourceType {
        shortNames = List.copyOf(shortNames);
        subresources = Set.copyOf(subresources);
        categories = List.copyOf(categories);
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** {@code deployments.apps}, or {@code pods} for the core group: the name errors use. */
    public String groupResource() {
        return group.isEmpty() ? plural : plural + "." + group;
    }

    /** {@code pod/nginx}, {@code deployment.apps/web}: how kubectl names one object of this type. */
    public String objectName(String name) {
        return (group.isEmpty() ? singular : singular + "." + group) + "/" + name;
    }

    /** True if the kind has a {@code status} subresource. */
    public boolean hasStatus() {
        return subresources.contains("status");
    }

    @Override
    public String toString() {
        return groupResource();
    }
}
