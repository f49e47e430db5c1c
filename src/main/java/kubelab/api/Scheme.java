package kubelab.api;

import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import kubelab.api.meta.KubeObject;

/**
 * The one table of resource types: discovery, the CLI ({@code kubectl get deploy}), the HTTP paths
 * and the store's key layout all read it. Look a type up by apiVersion and kind (as a manifest
 * names it), by Java class, by group and plural, or by any name a user may type: plural, singular,
 * short name or kind, optionally qualified by group ({@code deployments.apps}).
 *
 * <p>Real Kubernetes: {@code runtime.Scheme} (types) and the {@code RESTMapper} (names), which
 * discovery documents serve.
 */
public final class Scheme {
    private final List<ResourceType> all;
    private final Map<String, ResourceType> byGvk = new LinkedHashMap<>();
    private final Map<Class<?>, ResourceType> byClass = new LinkedHashMap<>();
    private final Map<String, ResourceType> byGroupResource = new LinkedHashMap<>();
    private final Map<String, List<ResourceType>> byUserName = new LinkedHashMap<>();

    private static final Scheme STANDARD = new Scheme(StandardTypes.all());

    /** Every kind KubeLab serves, core group first; shared and immutable. */
    public static Scheme standard() {
        return STANDARD;
    }

    /** A scheme of exactly these types. */
    public Scheme(Collection<ResourceType> types) {
        this.all = List.copyOf(types);
        for (ResourceType t : all) {
            putUnique(byGvk, t.apiVersion() + "/" + t.kind(), t);
            putUnique(byClass, t.javaType(), t);
            putUnique(byGroupResource, t.groupResource(), t);
            List<String> names = new ArrayList<>(List.of(t.plural(), t.singular(), t.kind().toLowerCase(Locale.ROOT)));
            names.addAll(t.shortNames());
            for (String n : names) {
                index(n, t);
                if (!t.group().isEmpty()) {
                    index(n + "." + t.group(), t);
                }
            }
        }
    }

    private static <K> void putUnique(Map<K, ResourceType> map, K key, ResourceType t) {
        if (map.putIfAbsent(key, t) != null) {
            throw new IllegalArgumentException("resource type registered twice: " + key);
        }
    }

    private void index(String name, ResourceType t) {
        List<ResourceType> list = byUserName.computeIfAbsent(name.toLowerCase(Locale.ROOT), k -> new ArrayList<>());
        if (!list.contains(t)) {
            list.add(t);
        }
    }

    /** Every registered type, in registration order. */
    public List<ResourceType> all() {
        return Collections.unmodifiableList(all);
    }

    /** The type a manifest names with {@code apiVersion} and {@code kind}. */
    public Optional<ResourceType> byKind(String apiVersion, String kind) {
        return Optional.ofNullable(byGvk.get(apiVersion + "/" + kind));
    }

    /** The type modelled by a record class. */
    public Optional<ResourceType> byClass(Class<?> type) {
        return Optional.ofNullable(byClass.get(type));
    }

    /** The type for a record class; fails for a class that is not registered. */
    public ResourceType of(Class<? extends KubeObject> type) {
        return byClass(type).orElseThrow(() -> new IllegalArgumentException("not a registered kind: " + type.getName()));
    }

    /** The type of an object. */
    public ResourceType of(KubeObject object) {
        return of(object.getClass());
    }

    /** The type with this group ("" for core) and plural, as URLs name it. */
    public Optional<ResourceType> byResource(String group, String plural) {
        return Optional.ofNullable(byGroupResource.get(group.isEmpty() ? plural : plural + "." + group));
    }

    /**
     * The type a user means by a name: {@code po}, {@code pods}, {@code pod}, {@code Pod},
     * {@code deploy}, {@code deployments.apps}. Where a name is ambiguous the first registered
     * (core first) wins, as kubectl prefers.
     */
    public Optional<ResourceType> byName(String name) {
        List<ResourceType> list = byUserName.get(name.toLowerCase(Locale.ROOT));
        return list == null || list.isEmpty() ? Optional.empty() : Optional.of(list.get(0));
    }
}
