package kubelab.apiserver.auth;

import java.util.Optional;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.apiserver.UserInfo;

/**
 * Everything an authorizer may look at: who asks, which verb, and either which resource (group,
 * version, resource, subresource, namespace, name) or, for a non-resource request such as
 * {@code GET /healthz}, which path. Absent parts are {@code ""}, never null: an empty namespace
 * means cluster scope (or all namespaces, for list and watch), an empty name means the collection.
 *
 * <p>Verbs are the authorization verbs, not HTTP methods: {@code get list watch create update patch
 * delete deletecollection}, and for non-resource requests the lower-case HTTP method.
 *
 * <p>Real Kubernetes: {@code authorizer.AttributesRecord} in
 * {@code k8s.io/apiserver/pkg/authorization/authorizer}, filled from the URL by
 * {@code request.RequestInfoFactory}.
 */
public record AuthorizationAttributes(UserInfo user, String verb, String apiGroup, String apiVersion,
                                      String resource, String subresource, String namespace, String name,
                                      boolean resourceRequest, String path) {

    public AuthorizationAttributes {
        verb = orEmpty(verb);
        apiGroup = orEmpty(apiGroup);
        apiVersion = orEmpty(apiVersion);
        resource = orEmpty(resource);
        subresource = orEmpty(subresource);
        namespace = orEmpty(namespace);
        name = orEmpty(name);
        path = orEmpty(path);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }

    /** A request on a resource of {@code type} ({@code namespace}, {@code name} may be null). */
    public static AuthorizationAttributes resource(UserInfo user, String verb, ResourceType type, String subresource,
                                                   String namespace, String name) {
        return new AuthorizationAttributes(user, verb, type.group(), type.version(), type.plural(), subresource,
                type.namespaced() ? namespace : null, name, true, null);
    }

    /** A request on a non-resource URL, such as {@code get /healthz}. */
    public static AuthorizationAttributes nonResource(UserInfo user, String verb, String path) {
        return new AuthorizationAttributes(user, verb, null, null, null, null, null, null, false, path);
    }

    /**
     * A request named as {@code kubectl auth can-i} names it: {@code pods}, {@code po},
     * {@code pods/log}, {@code deployments.apps/scale}. A name the scheme does not know is taken
     * as a resource of the core group, as can-i does after warning about it.
     */
    public static AuthorizationAttributes parse(Scheme scheme, UserInfo user, String verb, String resourceArg,
                                                String namespace, String name) {
        int slash = resourceArg.indexOf('/');
        String typed = slash < 0 ? resourceArg : resourceArg.substring(0, slash);
        String subresource = slash < 0 ? null : resourceArg.substring(slash + 1);
        Optional<ResourceType> type = scheme.byName(typed);
        if (type.isPresent()) {
            return resource(user, verb, type.get(), subresource, namespace, name);
        }
        int dot = typed.indexOf('.');
        String resource = dot < 0 ? typed : typed.substring(0, dot);
        String group = dot < 0 ? "" : typed.substring(dot + 1);
        return new AuthorizationAttributes(user, verb, group, null, resource, subresource, namespace, name, true, null);
    }

    /** {@code pods}, or {@code pods/log} with a subresource: the form RBAC rules name. */
    public String combinedResource() {
        return subresource.isEmpty() ? resource : resource + "/" + subresource;
    }

    /** The user's name, or "" for a request nobody authenticated. */
    public String username() {
        return user == null ? "" : user.username();
    }

    /**
     * The path this request would have over HTTP, as the audit log records it:
     * {@code /api/v1/namespaces/default/pods/web}, {@code /apis/apps/v1/deployments}.
     */
    public String requestPath() {
        if (!resourceRequest) {
            return path;
        }
        StringBuilder b = new StringBuilder(apiGroup.isEmpty() ? "/api/" + apiVersion : "/apis/" + apiGroup + "/" + apiVersion);
        if (!namespace.isEmpty()) {
            b.append("/namespaces/").append(namespace);
        }
        b.append('/').append(resource);
        if (!name.isEmpty()) {
            b.append('/').append(name);
        }
        if (!subresource.isEmpty()) {
            b.append('/').append(subresource);
        }
        if (verb.equals("watch")) {
            b.append("?watch=true");
        }
        return b.toString();
    }

    /**
     * Why the request is refused, in the words kube-apiserver uses after {@code is forbidden: }:
     * {@code User "jane" cannot list resource "pods" in API group "" in the namespace "default"}.
     */
    public String forbiddenMessage() {
        String user = "User \"" + username() + "\"";
        if (!resourceRequest) {
            return user + " cannot " + verb + " path \"" + path + "\"";
        }
        String what = user + " cannot " + verb + " resource \"" + combinedResource() + "\" in API group \"" + apiGroup + "\"";
        return namespace.isEmpty() ? what + " at the cluster scope" : what + " in the namespace \"" + namespace + "\"";
    }

    @Override
    public String toString() {
        if (!resourceRequest) {
            return username() + " " + verb + " " + path;
        }
        String target = combinedResource() + (apiGroup.isEmpty() ? "" : "." + apiGroup);
        String where = namespace.isEmpty() ? "" : " -n " + namespace;
        return username() + " " + verb + " " + target + (name.isEmpty() ? "" : " " + name) + where;
    }
}
