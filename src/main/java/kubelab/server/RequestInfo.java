package kubelab.server;

import java.util.ArrayList;
import java.util.List;

/**
 * What an HTTP request asks for, read from its method and path as kube-apiserver reads it: a
 * resource request ({@code /api/v1/namespaces/default/pods/web/log}: group "", version v1,
 * namespace default, resource pods, name web, subresource log, verb get) or a non-resource one
 * ({@code /healthz}, {@code /version}, discovery).
 *
 * <p>The verb follows Kubernetes' table: GET on a collection is {@code list}, or {@code watch}
 * with {@code watch=true}; GET on an object is {@code get}; POST {@code create}; PUT
 * {@code update}; PATCH {@code patch}; DELETE on an object {@code delete}, on a collection
 * {@code deletecollection}. {@code /api/v1/namespaces/x} is the Namespace x itself.
 *
 * <p>Real Kubernetes: {@code RequestInfoFactory.NewRequestInfo} in
 * {@code k8s.io/apiserver/pkg/endpoints/request/requestinfo.go}.
 *
 * @param resourceRequest false for non-resource paths; then only {@code verb} and {@code path} count
 * @param prefix          "api" or "apis"
 */
public record RequestInfo(boolean resourceRequest, String path, String verb, String prefix, String group,
                          String version, String namespace, String resource, String name, String subresource) {
    private static final java.util.Set<String> NAMESPACE_SUBRESOURCES = java.util.Set.of("status", "finalize");

    /** The request as the authorizer and the audit log see it, for {@code user} (null: not authenticated). */
    public kubelab.apiserver.auth.AuthorizationAttributes attributes(kubelab.apiserver.UserInfo user) {
        return resourceRequest
                ? new kubelab.apiserver.auth.AuthorizationAttributes(user, verb, group, version, resource, subresource,
                        namespace, name, true, path)
                : kubelab.apiserver.auth.AuthorizationAttributes.nonResource(user, verb, path);
    }

    /**
     * Reads a request.
     *
     * @param watch whether the query asks for a watch ({@code watch=true} or {@code watch=1})
     */
    public static RequestInfo parse(String method, String path, boolean watch) {
        String httpVerb = method.toLowerCase(java.util.Locale.ROOT);
        String nonResourceVerb = httpVerb.equals("head") ? "get" : httpVerb;
        List<String> parts = split(path);
        if (parts.isEmpty() || !(parts.get(0).equals("api") || parts.get(0).equals("apis"))) {
            return nonResource(path, nonResourceVerb);
        }
        String prefix = parts.get(0);
        int i = 1;
        String group = "";
        if (prefix.equals("apis")) {
            if (parts.size() < 3) {
                return nonResource(path, nonResourceVerb);   // /apis, /apis/apps: discovery
            }
            group = parts.get(i++);
        } else if (parts.size() < 3) {
            return nonResource(path, nonResourceVerb);       // /api, /api/v1: discovery
        }
        String version = parts.get(i++);
        List<String> rest = parts.subList(i, parts.size());
        if (rest.isEmpty()) {
            return nonResource(path, nonResourceVerb);
        }
        String namespace = "";
        if (rest.get(0).equals("namespaces") && rest.size() > 1) {
            namespace = rest.get(1);
            // namespaces/{ns}/{resource}...: a resource in the namespace; but namespaces/{name},
            // namespaces/{name}/status and /finalize are the Namespace object itself
            if (rest.size() > 2 && !NAMESPACE_SUBRESOURCES.contains(rest.get(2))) {
                rest = rest.subList(2, rest.size());
            }
        }
        String resource = rest.get(0);
        String name = rest.size() >= 2 ? rest.get(1) : "";
        String subresource = rest.size() >= 3 ? rest.get(2) : "";
        if (rest.size() > 3) {
            return nonResource(path, nonResourceVerb);
        }
        String verb = switch (httpVerb) {
            case "get", "head" -> name.isEmpty() ? (watch ? "watch" : "list") : "get";
            case "post" -> "create";
            case "put" -> "update";
            case "patch" -> "patch";
            case "delete" -> name.isEmpty() ? "deletecollection" : "delete";
            default -> httpVerb;
        };
        return new RequestInfo(true, path, verb, prefix, group, version, namespace, resource, name, subresource);
    }

    private static RequestInfo nonResource(String path, String verb) {
        return new RequestInfo(false, path, verb, "", "", "", "", "", "", "");
    }

    private static List<String> split(String path) {
        List<String> parts = new ArrayList<>();
        for (String p : path.split("/")) {
            if (!p.isEmpty()) {
                parts.add(p);
            }
        }
        return parts;
    }

    /** {@code apps/v1}, or {@code v1} for the core group. */
    public String apiVersion() {
        return group.isEmpty() ? version : group + "/" + version;
    }

    /** The scope label of Kubernetes' request metrics: resource (one object), namespace or cluster. */
    public String scope() {
        if (!name.isEmpty()) {
            return "resource";
        }
        return namespace.isEmpty() ? "cluster" : "namespace";
    }
}
