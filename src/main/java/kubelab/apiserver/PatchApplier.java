package kubelab.apiserver;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.apiserver.apply.FieldManager;
import kubelab.apiserver.patch.JsonMergePatch;
import kubelab.apiserver.patch.JsonPatch;
import kubelab.apiserver.patch.PatchException;
import kubelab.apiserver.patch.StrategicMergePatch;
import kubelab.apiserver.registry.Part;
import kubelab.apiserver.registry.Registry;

/**
 * PATCH: read the stored object, apply the patch to its JSON, decode the result and store it as an
 * update (server-side apply goes to {@link ApplyPatcher}). A patch that names a resourceVersion is a precondition (a stale one is a 409); one that
 * does not is applied to whatever is stored, and re-applied if another writer got in between.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}.
 */
final class PatchApplier {
    /** How often a patch without a resourceVersion is retried after losing a race. */
    private static final int MAX_ATTEMPTS = 5;

    <T extends KubeObject> ApplyResult<T> patch(Registry<T> registry, String namespace, String name, PatchType type,
                                                String patchText, PatchOptions options, UserInfo user) {
        FieldManager.checkName("PatchOptions", options.fieldManager());
        if (type == PatchType.APPLY) {
            return ApplyPatcher.apply(registry, namespace, name, patchText, options, user);
        }
        if (options.force()) {
            throw ApiException.invalid("meta.k8s.io", "PatchOptions", "", java.util.List.of(
                    FieldError.forbidden("force", "may not be specified for non-apply patch")));
        }
        String manager = FieldManager.managerOrUserAgent(options.fieldManager(), null);
        JsonNode patch = parse(patchText, type);
        boolean pinned = patch.path("metadata").hasNonNull("resourceVersion");
        @SuppressWarnings("unchecked")
        Class<T> javaType = (Class<T>) registry.type().javaType();
        for (int attempt = 1; ; attempt++) {
            T current = registry.get(namespace, name);
            JsonNode patched;
            try {
                patched = switch (type) {
                    case JSON -> JsonPatch.apply(Json.toTree(current), patch);
                    case MERGE -> JsonMergePatch.apply(Json.toTree(current), patch);
                    case STRATEGIC_MERGE -> StrategicMergePatch.apply(Json.toTree(current), patch, javaType);
                    case APPLY -> throw new IllegalStateException();
                };
            } catch (PatchException e) {
                throw e.toApiException();
            }
            if (!patched.isObject()) {
                throw ApiException.badRequest("the patch must leave an object, not " + patched.getNodeType());
            }
            if (!pinned) {
                ((ObjectNode) patched.with("metadata")).put("resourceVersion", current.metadata().resourceVersion());
            }
            T object;
            try {
                object = Json.fromTree(patched, javaType);
            } catch (RuntimeException e) {
                throw ApiException.badRequest(registry.type().kind() + " in version \"" + registry.type().version()
                        + "\" cannot be handled as a " + registry.type().kind() + ": " + rootMessage(e));
            }
            try {
                return new ApplyResult<>(
                        registry.update(object, namespace, Part.MAIN, options.dryRun(), user, manager), false);
            } catch (ApiException e) {
                if (pinned || e.code() != 409 || !"Conflict".equals(e.reason()) || attempt >= MAX_ATTEMPTS) {
                    throw e;
                }
            }
        }
    }

    private static JsonNode parse(String text, PatchType type) {
        try {
            JsonNode node = Json.mapper().readTree(text);
            if (node == null) {
                throw ApiException.badRequest("empty patch");
            }
            return node;
        } catch (java.io.IOException e) {
            throw ApiException.badRequest("error decoding patch: " + rootMessage(e));
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null) {
            t = t.getCause();
        }
        String m = t.getMessage();
        int nl = m == null ? -1 : m.indexOf('\n');
        return nl < 0 ? String.valueOf(m) : m.substring(0, nl);
    }
}
