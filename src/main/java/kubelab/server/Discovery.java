package kubelab.server;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;

/**
 * The discovery documents, made from the {@link Scheme}: {@code /api} (APIVersions),
 * {@code /apis} (APIGroupList), {@code /apis/<group>} (APIGroup) and each group version's
 * APIResourceList. kubectl reads them before every command to turn {@code deploy} into
 * {@code deployments.apps/v1}, so every entry carries its verbs and short names, and each
 * subresource is an entry of its own ({@code deployments/scale} answers an autoscaling/v1 Scale).
 *
 * <p>Besides the scheme's kinds, the server offers {@code selfsubjectaccessreviews} in
 * {@code authorization.k8s.io/v1}: create-only, never stored, for {@code kubectl auth can-i}.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/endpoints/discovery}.
 */
public final class Discovery {
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    static final List<String> ALL_VERBS = List.of("create", "delete", "deletecollection", "get", "list", "patch",
            "update", "watch");
    static final String AUTHORIZATION_GROUP = "authorization.k8s.io";

    private final Map<String, List<ResourceType>> byGroupVersion = new LinkedHashMap<>();
    private final Map<String, List<String>> versionsByGroup = new LinkedHashMap<>();

    public Discovery(Scheme scheme) {
        for (ResourceType t : scheme.all()) {
            byGroupVersion.computeIfAbsent(t.apiVersion(), k -> new ArrayList<>()).add(t);
            List<String> versions = versionsByGroup.computeIfAbsent(t.group(), k -> new ArrayList<>());
            if (!versions.contains(t.version())) {
                versions.add(t.version());
            }
        }
        versionsByGroup.computeIfAbsent(AUTHORIZATION_GROUP, k -> new ArrayList<>(List.of("v1")));
        byGroupVersion.computeIfAbsent(AUTHORIZATION_GROUP + "/v1", k -> new ArrayList<>());
    }

    /** {@code /api}: the core group's versions, and the address clients reach the server at ({@code host:port}). */
    public ObjectNode apiVersions(String serverAddress) {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIVersions");
        ArrayNode versions = doc.putArray("versions");
        versionsByGroup.getOrDefault("", List.of()).forEach(versions::add);
        ArrayNode cidrs = doc.putArray("serverAddressByClientCIDRs");
        ObjectNode any = cidrs.addObject();
        any.put("clientCIDR", "0.0.0.0/0");
        any.put("serverAddress", serverAddress);
        return doc;
    }

    /** {@code /apis}: every named group with its versions. */
    public ObjectNode apiGroupList() {
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIGroupList");
        doc.put("apiVersion", "v1");
        ArrayNode groups = doc.putArray("groups");
        versionsByGroup.keySet().stream().filter(g -> !g.isEmpty()).forEach(g -> groups.add(group(g)));
        return doc;
    }

    /** {@code /apis/<group>}, if the group exists. */
    public Optional<ObjectNode> apiGroup(String group) {
        if (group.isEmpty() || !versionsByGroup.containsKey(group)) {
            return Optional.empty();
        }
        ObjectNode doc = group(group);
        doc.put("kind", "APIGroup");
        doc.put("apiVersion", "v1");
        return Optional.of(doc);
    }

    private ObjectNode group(String group) {
        ObjectNode g = NODES.objectNode();
        g.put("name", group);
        ArrayNode versions = g.putArray("versions");
        for (String v : versionsByGroup.get(group)) {
            ObjectNode gv = versions.addObject();
            gv.put("groupVersion", group + "/" + v);
            gv.put("version", v);
        }
        g.set("preferredVersion", versions.get(0).deepCopy());
        return g;
    }

    /** The APIResourceList of {@code apps/v1} (or {@code v1}), if the server has that group version. */
    public Optional<ObjectNode> resourceList(String groupVersion) {
        List<ResourceType> types = byGroupVersion.get(groupVersion);
        if (types == null) {
            return Optional.empty();
        }
        ObjectNode doc = NODES.objectNode();
        doc.put("kind", "APIResourceList");
        doc.put("apiVersion", "v1");
        doc.put("groupVersion", groupVersion);
        ArrayNode resources = doc.putArray("resources");
        for (ResourceType t : types) {
            ObjectNode r = resources.addObject();
            r.put("name", t.plural());
            r.put("singularName", t.singular());
            r.put("namespaced", t.namespaced());
            r.put("kind", t.kind());
            verbs(r, ALL_VERBS);
            if (!t.shortNames().isEmpty()) {
                ArrayNode shortNames = r.putArray("shortNames");
                t.shortNames().forEach(shortNames::add);
            }
            if (!t.categories().isEmpty()) {
                ArrayNode categories = r.putArray("categories");
                t.categories().forEach(categories::add);
            }
            t.subresources().stream().sorted().forEach(sub -> subresource(resources, t, sub));
        }
        if (groupVersion.equals(AUTHORIZATION_GROUP + "/v1")) {
            ObjectNode r = resources.addObject();
            r.put("name", "selfsubjectaccessreviews");
            r.put("singularName", "selfsubjectaccessreview");
            r.put("namespaced", false);
            r.put("kind", "SelfSubjectAccessReview");
            verbs(r, List.of("create"));
        }
        return Optional.of(doc);
    }

    private static void subresource(ArrayNode resources, ResourceType t, String sub) {
        ObjectNode r = resources.addObject();
        r.put("name", t.plural() + "/" + sub);
        r.put("singularName", "");
        r.put("namespaced", t.namespaced());
        switch (sub) {
            case "scale" -> {
                r.put("group", "autoscaling");
                r.put("version", "v1");
                r.put("kind", "Scale");
                verbs(r, List.of("get", "patch", "update"));
            }
            case "status" -> {
                r.put("kind", t.kind());
                verbs(r, List.of("get", "patch", "update"));
            }
            case "log" -> {
                r.put("kind", "Pod");
                verbs(r, List.of("get"));
            }
            case "binding" -> {
                r.put("kind", "Binding");
                verbs(r, List.of("create"));
            }
            case "eviction" -> {
                r.put("group", "policy");
                r.put("version", "v1");
                r.put("kind", "Eviction");
                verbs(r, List.of("create"));
            }
            case "exec", "attach", "portforward" -> {
                // PodExecOptions, PodAttachOptions, PodPortForwardOptions: the query of the upgrade request
                r.put("kind", "Pod" + switch (sub) {
                    case "exec" -> "Exec";
                    case "attach" -> "Attach";
                    default -> "PortForward";
                } + "Options");
                verbs(r, List.of("create", "get"));
            }
            case "finalize" -> {
                r.put("kind", t.kind());
                verbs(r, List.of("update"));
            }
            default -> {
                r.put("kind", t.kind());
                verbs(r, List.of("get"));
            }
        }
    }

    private static void verbs(ObjectNode r, List<String> verbs) {
        ArrayNode a = r.putArray("verbs");
        verbs.forEach(a::add);
    }
}
