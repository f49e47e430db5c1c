package kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.apiserver.apply.FieldManager;
import kubelab.apiserver.registry.Part;
import kubelab.apiserver.registry.Registry;

/**
 * PATCH with {@code application/apply-patch+yaml}: check the request, then read the live object
 * (or find none), let the {@link FieldManager} merge the configuration into it, and store the
 * result as an update (or a create). A concurrent write makes the update fail on its
 * resourceVersion; the apply is then done again on what is stored now.
 *
 * <p>Real Kubernetes: {@code applyPatcher} in {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}.
 */
final class ApplyPatcher {
    private static final int MAX_ATTEMPTS = 5;

    private ApplyPatcher() {
    }

    static <T extends KubeObject> ApplyResult<T> apply(Registry<T> registry, String namespace, String name,
                                                       String body, PatchOptions options, UserInfo user) {
        String manager = options.fieldManager();
        if (manager == null || manager.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", "PatchOptions", "",
                    List.of(FieldError.required("fieldManager", "is required for apply patch")));
        }
        ResourceType type = registry.type();
        @SuppressWarnings("unchecked")
        Class<T> javaType = (Class<T>) type.javaType();
        ObjectNode config = parse(body, type, namespace, name);
        for (int attempt = 1; ; attempt++) {
            T live;
            try {
                live = registry.get(namespace, name);
            } catch (ApiException e) {
                if (e.code() != 404) {
                    throw e;
                }
                live = null;
            }
            T applied = registry.fieldManager().apply(live, config, manager, options.force());
            try {
                if (live == null) {
                    T created = registry.create(applied, namespace, options.dryRun(), user, null);
                    return new ApplyResult<>(created, true);
                }
                if (applied == live) {
                    return new ApplyResult<>(live, false); // nothing to change, not even ownership
                }
                @SuppressWarnings("unchecked")
                T pinned = (T) applied.withMetadata(applied.metadata().withResourceVersion(live.metadata().resourceVersion()));
                return new ApplyResult<>(
                        registry.update(pinned, namespace, Part.MAIN, options.dryRun(), user, null), false);
            } catch (ApiException e) {
                // Lost a race: someone created or changed the object between the read and the write.
                boolean race = e.code() == 409 && ("Conflict".equals(e.reason()) || "AlreadyExists".equals(e.reason()));
                if (!race || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    /** The configuration as a JSON tree, checked against the URL and the kind. */
    private static ObjectNode parse(String body, ResourceType type, String namespace, String name) {
        JsonNode node;
        try {
            // YAML is a superset of JSON: one parser reads both.
            node = Json.yamlMapper().readTree(body == null ? "" : body);
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("error decoding YAML: " + PatchApplier.rootMessage(e));
        }
        if (!(node instanceof ObjectNode config)) {
            throw ApiException.badRequest("error decoding YAML: the applied configuration must be an object");
        }
        String apiVersion = config.path("apiVersion").asText("");
        String kind = config.path("kind").asText("");
        if (apiVersion.isEmpty() || kind.isEmpty()) {
            throw ApiException.badRequest("apiVersion and kind must be set in an applied configuration");
        }
        if (!apiVersion.equals(type.apiVersion())) {
            throw ApiException.badRequest("incorrect version specified in apply patch. Specified patch version: "
                    + apiVersion + ", expected: " + type.apiVersion());
        }
        if (!kind.equals(type.kind())) {
            throw ApiException.badRequest("the kind in the applied configuration (" + kind
                    + ") does not match the kind of the resource (" + type.kind() + ")");
        }
        ObjectNode meta = config.with("metadata");
        String bodyName = meta.path("name").asText("");
        if (bodyName.isEmpty()) {
            meta.put("name", name);
        } else if (!bodyName.equals(name)) {
            throw ApiException.badRequest("the name of the object (" + bodyName
                    + ") does not match the name on the URL (" + name + ")");
        }
        String bodyNamespace = meta.path("namespace").asText("");
        if (!bodyNamespace.isEmpty() && namespace != null && !bodyNamespace.equals(namespace)) {
            throw ApiException.badRequest("the namespace of the provided object does not match the namespace sent on the request");
        }
        if (meta.has("managedFields") && !meta.get("managedFields").isNull()) {
            throw ApiException.badRequest("metadata.managedFields must be nil");
        }
        try {
            Json.fromTree(config, type.javaType()); // the configuration must fit the kind's types
        } catch (RuntimeException e) {
            throw ApiException.badRequest(type.kind() + " in version \"" + type.version() + "\" cannot be handled as a "
                    + type.kind() + ": " + PatchApplier.rootMessage(e));
        }
        return config;
    }
}
