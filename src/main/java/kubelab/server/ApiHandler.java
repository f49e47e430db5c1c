package kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.concurrent.Executor;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.auth.AuthorizationAttributes;
import kubelab.apiserver.auth.Decision;
import kubelab.apiserver.auth.Forbidden;
import kubelab.apiserver.auth.HandlerChain;
import kubelab.openapi.OpenApi;
import kubelab.server.metrics.ApiMetrics;
import org.eclipse.jetty.http.HttpHeader;
import org.eclipse.jetty.server.Handler;
import org.eclipse.jetty.server.Request;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.util.Callback;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * Every HTTP request of {@code kubelab serve} starts here, and goes the way kube-apiserver's
 * handler chain sends it:
 * <ol>
 *   <li>read the request: verb, group, version, resource, namespace, name ({@link RequestInfo});</li>
 *   <li>authenticate the bearer token (401 if there is none and anonymous requests are off);</li>
 *   <li>non-resource paths (discovery, {@code /version}, {@code /openapi}, health, {@code /metrics})
 *       are authorized by path and answered here;</li>
 *   <li>resource requests go to the caller's {@link Api}, which authorizes (403), admits,
 *       validates and stores, on the cluster thread;</li>
 *   <li>any {@link ApiException} becomes its Status, with its code; the request is counted.</li>
 * </ol>
 *
 * <p>Real Kubernetes: {@code DefaultBuildHandlerChain} and the {@code APIServerHandler}'s
 * director in {@code k8s.io/apiserver/pkg/server/handler.go}.
 */
final class ApiHandler extends Handler.Abstract {
    private static final System.Logger LOG = System.getLogger(ApiHandler.class.getName());

    private final ClusterThread cluster;
    private final HandlerChain chain;
    private final Scheme scheme;
    private final Discovery discovery;
    private final OpenApi openApi;
    private final ApiMetrics metrics;
    private final ResourceHandler resources;
    private final Subresources subresources;
    private final String gitVersion;
    /** How long a successful token authentication is remembered (kube-apiserver's token cache: 10 s). */
    static final Duration AUTHENTICATION_TTL = Duration.ofSeconds(10);
    private final com.google.common.cache.Cache<String, UserInfo> authenticated = com.google.common.cache.CacheBuilder
            .newBuilder().expireAfterWrite(AUTHENTICATION_TTL).maximumSize(10_000).build();

    ApiHandler(ClusterThread cluster, ApiMetrics metrics, Executor writers, ServerWebSocketContainer webSockets,
               String gitVersion) {
        this.cluster = cluster;
        this.chain = cluster.cluster().handlerChain();
        this.scheme = cluster.cluster().api().scheme();
        this.discovery = new Discovery(scheme);
        this.openApi = OpenApi.forScheme(scheme, new OpenApi.Options(gitVersion, true));
        this.metrics = metrics;
        this.resources = new ResourceHandler(cluster, writers, metrics, webSockets);
        this.subresources = new Subresources(cluster, resources, webSockets, writers);
        this.gitVersion = gitVersion;
    }

    @Override
    public boolean handle(Request request, Response response, Callback callback) {
        long started = System.nanoTime();
        // tag::api-handler[]
        String path = request.getHttpURI().getDecodedPath();
        var query = Request.extractQueryParameters(request);
        String watchParam = query.getValue("watch");
        boolean watch = "true".equals(watchParam) || "1".equals(watchParam);
        RequestInfo info = RequestInfo.parse(request.getMethod(), path, watch);
        Exchange x = new Exchange(request, response, callback, info, query);
        boolean finished = true;
        try {
            UserInfo user = authenticated(x);
            finished = info.resourceRequest() ? resource(x, user) : nonResource(x, user);
        } catch (ApiException e) {
            x.sendError(e);
        } catch (RuntimeException e) {
            LOG.log(System.Logger.Level.ERROR, request.getMethod() + " " + path + ": " + e, e);
            x.sendError(ApiException.internal(e.toString()));
        }
        // end::api-handler[]
        if (info.resourceRequest()) {
            metrics.observe(metricVerb(x), x.param("dryRun") != null, info.group(), info.version(),
                    info.resource(), info.subresource(), info.scope(), x.code(),
                    Duration.ofNanos(System.nanoTime() - started));
        }
        return true;
    }

    /** The request's user; a 401 is audited, as kube-apiserver audits failed authentication. */
    private UserInfo authenticated(Exchange x) {
        try {
            return authenticate(x.request.getHeaders().get(HttpHeader.AUTHORIZATION));
        } catch (ApiException e) {
            if (e.code() == 401) {
                AuthorizationAttributes attrs = x.info.attributes(null);
                cluster.execute(() -> chain.authenticationFailed(attrs, e));
            }
            throw e;
        }
    }

    /**
     * The user behind an Authorization header. A successful authentication is remembered for
     * {@link #AUTHENTICATION_TTL}, as kube-apiserver caches token reviews, so most requests cross
     * to the cluster thread once (for their call), not twice. Failures are never cached.
     */
    private UserInfo authenticate(String authorization) {
        if (authorization == null) {
            return cluster.call(c -> chain.authentication().authenticateHeader(null));
        }
        UserInfo known = authenticated.getIfPresent(authorization);
        if (known != null) {
            return known;
        }
        UserInfo user = cluster.call(c -> chain.authentication().authenticateHeader(authorization));
        authenticated.put(authorization, user);
        return user;
    }

    /** Kubernetes' metric verbs: the HTTP method in capitals, LIST and WATCH for collections, APPLY for apply patches. */
    private static String metricVerb(Exchange x) {
        return switch (x.info.verb()) {
            case "list" -> "LIST";
            case "watch" -> "WATCH";
            case "deletecollection" -> "DELETECOLLECTION";
            case "patch" -> x.contentType() != null && x.contentType().startsWith("application/apply-patch") ? "APPLY" : "PATCH";
            default -> x.request.getMethod();
        };
    }

    private boolean resource(Exchange x, UserInfo user) {
        RequestInfo i = x.info;
        if (i.group().equals(Discovery.AUTHORIZATION_GROUP) && i.resource().equals("selfsubjectaccessreviews")
                && i.verb().equals("create")) {
            selfSubjectAccessReview(x, user);
            return true;
        }
        ResourceType type = scheme.byResource(i.group(), i.resource())
                .filter(t -> t.version().equals(i.version()))
                .orElseThrow(ApiException::noSuchPath);
        Api api = chain.forUser(user);
        if (i.subresource().isEmpty()) {
            return resources.serve(x, type, api, user);
        }
        subresources.serve(x, type, api, user);
        return true;
    }

    private boolean nonResource(Exchange x, UserInfo user) {
        String path = trimSlash(x.info.path());
        cluster.call(c -> {
            chain.authorizePath(user, x.info.verb(), path);
            return null;
        });
        if (path.equals("/healthz") || path.equals("/livez") || path.equals("/readyz")
                || path.startsWith("/healthz/") || path.startsWith("/livez/") || path.startsWith("/readyz/")) {
            x.sendText(200, "text/plain; charset=utf-8", "ok");
        } else if (path.equals("/version")) {
            x.sendJson(200, version());
        } else if (path.equals("/api")) {
            x.sendJson(200, discovery.apiVersions(x.request.getHttpURI().getAuthority()));
        } else if (path.equals("/apis")) {
            x.sendJson(200, discovery.apiGroupList());
        } else if (path.startsWith("/api/") && path.split("/").length == 3) {
            x.sendJson(200, discovery.resourceList(path.substring(5)).orElseThrow(ApiException::noSuchPath));
        } else if (path.startsWith("/apis/") && path.split("/").length == 3) {
            x.sendJson(200, discovery.apiGroup(path.substring(6)).orElseThrow(ApiException::noSuchPath));
        } else if (path.startsWith("/apis/") && path.split("/").length == 4) {
            x.sendJson(200, discovery.resourceList(path.substring(6)).orElseThrow(ApiException::noSuchPath));
        } else if (path.equals("/openapi/v2")) {
            String accept = x.accept() == null ? "" : x.accept();
            if (accept.contains("protobuf")) {
                x.send(200, OpenApi.V2_PROTOBUF, openApi.v2Protobuf());
            } else {
                x.send(200, Exchange.JSON, openApi.v2Json());
            }
        } else if (path.equals("/openapi/v3")) {
            x.send(200, Exchange.JSON, openApi.v3Discovery());
        } else if (path.startsWith("/openapi/v3/")) {
            String gv = path.substring("/openapi/v3/".length());
            byte[] doc = openApi.v3(gv).orElseThrow(ApiException::noSuchPath);
            x.response.getHeaders().put("Cache-Control", "public, immutable");
            openApi.v3Hash(gv).ifPresent(h -> x.response.getHeaders().put("ETag", "\"" + h + "\""));
            x.send(200, Exchange.JSON, doc);
        } else if (path.equals("/metrics")) {
            x.sendText(200, ApiMetrics.CONTENT_TYPE, metrics.scrape());
        } else {
            throw ApiException.noSuchPath();
        }
        return true;
    }

    private ObjectNode version() {
        ObjectNode v = Json.mapper().createObjectNode();
        String[] parts = gitVersion.replaceFirst("^v", "").split("[.-]");
        v.put("major", parts[0]);
        v.put("minor", parts.length > 1 ? parts[1] : "0");
        v.put("gitVersion", gitVersion);
        v.put("gitCommit", "");
        v.put("gitTreeState", "clean");
        v.put("buildDate", "2026-11-28T00:00:00Z");
        v.put("goVersion", "java" + Runtime.version().feature());
        v.put("compiler", "javac");
        v.put("platform", System.getProperty("os.name").toLowerCase() + "/" + System.getProperty("os.arch"));
        return v;
    }

    /** {@code kubectl auth can-i}: answered by the authorizer that guards every request, nothing stored. */
    private void selfSubjectAccessReview(Exchange x, UserInfo user) {
        AuthorizationAttributes self = new AuthorizationAttributes(user, "create", Discovery.AUTHORIZATION_GROUP, "v1",
                "selfsubjectaccessreviews", "", "", "", true, x.info.path());
        String contentType = x.contentType() == null ? Exchange.JSON : x.contentType();
        JsonNode spec = contentType.startsWith(Bodies.PROTOBUF)
                ? ProtoReader.selfSubjectAccessReviewSpec(ProtoReader.envelope(x.body()).raw())   // kubectl 1.32
                : Bodies.parse(x.body(), contentType).path("spec");
        AuthorizationAttributes asked;
        if (spec.has("nonResourceAttributes")) {
            JsonNode n = spec.get("nonResourceAttributes");
            asked = AuthorizationAttributes.nonResource(user, n.path("verb").asText(), n.path("path").asText());
        } else {
            JsonNode r = spec.path("resourceAttributes");
            asked = new AuthorizationAttributes(user, r.path("verb").asText(), r.path("group").asText(),
                    r.path("version").asText(), r.path("resource").asText(), r.path("subresource").asText(),
                    r.path("namespace").asText(), r.path("name").asText(), true, null);
        }
        Decision decision = cluster.call(c -> {
            Decision mayAsk = chain.authorizer().authorize(self);
            if (!mayAsk.allowed()) {
                throw Forbidden.of(self, mayAsk.reason());
            }
            return chain.authorizer().authorize(asked);
        });
        ObjectNode answer = Json.mapper().createObjectNode();
        answer.put("kind", "SelfSubjectAccessReview");
        answer.put("apiVersion", "authorization.k8s.io/v1");
        answer.putObject("metadata").put("creationTimestamp", (String) null);
        answer.set("spec", spec);
        ObjectNode status = answer.putObject("status");
        status.put("allowed", decision.allowed());
        if (decision.kind() == Decision.Kind.DENY) {
            status.put("denied", true);
        }
        if (decision.reason() != null && !decision.reason().isEmpty()) {
            status.put("reason", decision.reason());
        }
        x.sendJson(201, answer);
    }

    private static String trimSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }
}
