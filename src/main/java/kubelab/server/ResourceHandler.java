package kubelab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Executor;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.Status;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.ApplyResult;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.DeleteResult;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.ObjectList;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.auth.AuthorizationAttributes;
import kubelab.apiserver.apply.FieldManager;
import kubelab.server.metrics.ApiMetrics;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The REST verbs on one resource type, over HTTP: list, watch, get, create, update, patch,
 * delete and deletecollection, each turned into one call of the caller's {@link Api} (which
 * authorizes, admits, validates and stores) on the cluster thread. Lists and single objects come
 * back as JSON, or as a Table when kubectl asks for one; watches stream.
 *
 * <p>Real Kubernetes: the handlers of {@code k8s.io/apiserver/pkg/endpoints/handlers}
 * ({@code get.go}, {@code create.go}, {@code update.go}, {@code patch.go}, {@code delete.go},
 * {@code watch.go}) over a registry's {@code rest.Storage}.
 */
final class ResourceHandler {
    /** kube-apiserver's --min-request-timeout: a watch without timeoutSeconds ends after 30 to 60 minutes. */
    static final Duration MIN_REQUEST_TIMEOUT = Duration.ofMinutes(30);

    private final ClusterThread cluster;
    private final Executor writers;
    private final ApiMetrics metrics;
    private final WatchEncoder encoder = new WatchEncoder();
    private final ServerWebSocketContainer webSockets;

    ResourceHandler(ClusterThread cluster, Executor writers, ApiMetrics metrics, ServerWebSocketContainer webSockets) {
        this.cluster = cluster;
        this.writers = writers;
        this.metrics = metrics;
        this.webSockets = webSockets;
    }

    @SuppressWarnings("unchecked")
    static Class<KubeObject> javaType(ResourceType type) {
        return (Class<KubeObject>) type.javaType();
    }

    /** Serves a request on the main resource (no subresource). Returns false if the exchange stays open (a watch). */
    boolean serve(Exchange x, ResourceType type, Api api, UserInfo user) {
        RequestInfo i = x.info;
        Class<KubeObject> cls = javaType(type);
        String ns = type.namespaced() ? i.namespace() : "";
        switch (i.verb()) {
            case "get" -> {
                KubeObject obj = cluster.call(c -> api.get(cls, ns, i.name()));
                sendObject(x, type, 200, obj);
            }
            case "list" -> {
                ListOptions options = listOptions(x);
                Timed<ObjectList<KubeObject>> result = cluster.call(c -> new Timed<>(api.list(cls, emptyToNull(ns), options), cluster.now()));
                if (TableConvertor.wantsTable(x.accept())) {
                    x.sendJson(200, TableConvertor.table(type.kind(), result.value.items(), result.now,
                            result.value.resourceVersion(), result.value.continueToken()));
                } else {
                    x.send(200, Exchange.JSON, Bodies.list(type, result.value, encoder::objectBytes));
                }
            }
            case "watch" -> {
                watch(x, type, api, ns);
                return false;
            }
            case "create" -> {
                KubeObject obj = body(x, type, user, ns, null);
                CreateOptions options = new CreateOptions(dryRun(x), fieldManager(x));
                sendObject(x, type, 201, cluster.call(c -> api.create(obj, options)));
            }
            case "update" -> {
                KubeObject obj = body(x, type, user, ns, i.name());
                UpdateOptions options = new UpdateOptions(dryRun(x), fieldManager(x));
                sendObject(x, type, 200, cluster.call(c -> api.update(obj, options)));
            }
            case "patch" -> {
                PatchType patchType = patchType(x);
                String patch = new String(x.body(), StandardCharsets.UTF_8);
                if (patchType == PatchType.APPLY) {
                    // the field manager must be named for apply (the server answers 422 otherwise);
                    // an absent object is created, and the answer is 201
                    PatchOptions options = new PatchOptions(dryRun(x), x.param("fieldManager"), x.flag("force"));
                    ApplyResult<KubeObject> applied = cluster.call(c -> api.apply(cls, ns, i.name(), patch, options));
                    sendObject(x, type, applied.created() ? 201 : 200, applied.object());
                } else {
                    PatchOptions options = new PatchOptions(dryRun(x), fieldManager(x), x.flag("force"));
                    sendObject(x, type, 200, cluster.call(c -> api.patch(cls, ns, i.name(), patchType, patch, options)));
                }
            }
            case "delete" -> {
                DeleteOptions options = deleteOptions(x);
                DeleteResult<KubeObject> result = cluster.call(c -> api.delete(cls, ns, i.name(), options));
                if (result.deleted()) {
                    Status.Details details = new Status.Details(i.name(), type.group(), type.plural(),
                            result.object().metadata().uid(), null, null);
                    x.sendJson(200, Exchange.statusDocument(Status.success(details)));
                } else {
                    sendObject(x, type, 200, result.object());
                }
            }
            case "deletecollection" -> {
                ListOptions listOptions = listOptions(x);
                DeleteOptions options = deleteOptions(x);
                ObjectList<KubeObject> deleted = cluster.call(c -> {
                    ObjectList<KubeObject> matching = api.list(cls, emptyToNull(ns), listOptions);
                    List<KubeObject> gone = new ArrayList<>();
                    for (KubeObject o : matching.items()) {
                        try {
                            gone.add(api.delete(cls, o.namespace(), o.name(), options).object());
                        } catch (ApiException e) {
                            if (e.code() != 404) {
                                throw e;
                            }
                        }
                    }
                    return new ObjectList<>(gone, matching.resourceVersion(), null, null);
                });
                x.send(200, Exchange.JSON, Bodies.list(type, deleted));
            }
            default -> throw ApiException.methodNotSupported(type.group(), type.plural(), i.verb());
        }
        return true;
    }

    /**
     * The object a create or update sends. A body that cannot be decoded is answered only once
     * the request is authorized ({@link kubelab.apiserver.auth.HandlerChain#refused}): 403 for a
     * caller who may not make it, else the 400; either way it is audited.
     */
    KubeObject body(Exchange x, ResourceType type, UserInfo user, String ns, String name) {
        try {
            return Bodies.decode(x, type, x.body(), ns, name);
        } catch (ApiException e) {
            AuthorizationAttributes attrs = x.info.attributes(user);
            throw cluster.call(c -> c.handlerChain().refused(user, attrs, e));
        }
    }

    /** A value and the cluster's time when it was read (a Table's AGE column needs both). */
    record Timed<T>(T value, Instant now) {
    }

    void sendObject(Exchange x, ResourceType type, int code, KubeObject obj) {
        if (TableConvertor.wantsTable(x.accept())) {
            x.sendJson(code, TableConvertor.table(type.kind(), List.of(obj), cluster.now(),
                    obj.metadata().resourceVersion(), null));
        } else {
            x.sendJson(code, Json.toBytes(obj));
        }
    }

    private void watch(Exchange x, ResourceType type, Api api, String ns) {
        ListOptions requested = listOptions(x);
        ListOptions options = requested.timeoutSeconds() != null ? requested
                : requested.withTimeoutSeconds(MIN_REQUEST_TIMEOUT.toSeconds()
                        + (long) (Math.random() * MIN_REQUEST_TIMEOUT.toSeconds()));
        boolean table = TableConvertor.wantsTable(x.accept());
        RequestInfo i = x.info;
        AutoCloseable running = metrics.longRunning("WATCH", type.group(), type.version(), type.plural(), "", i.scope());
        boolean webSocket = "websocket".equalsIgnoreCase(x.header("Upgrade"));
        WebSocketSink socket = webSocket ? new WebSocketSink() : null;
        if (!webSocket) {
            x.response.setStatus(200);
            x.response.getHeaders().put("Content-Type", Exchange.JSON);
            x.response.getHeaders().put("Cache-Control", "no-cache, private");
        }
        WatchStream[] holder = new WatchStream[1];
        WatchStream stream = new WatchStream(webSocket ? socket : new ChunkedSink(x), event -> {
            byte[] bytes = table ? encoder.tableEvent(type, event, cluster.now()) : encoder.event(type, event);
            metrics.watchEvent(type.group(), type.version(), type.plural(), bytes.length);
            return bytes;
        }, writers, () -> {
            cluster.execute(() -> {
                ApiWatch w = holder[0].watch();
                if (w != null) {
                    w.close();
                }
            });
            closeQuietly(running);
        });
        holder[0] = stream;
        if (webSocket) {
            socket.stream(stream);
        } else {
            x.request.addFailureListener(t -> stream.end());
        }
        try {
            cluster.call(c -> {
                try {
                    stream.attach(api.watch(javaType(type), emptyToNull(ns), options, Runnable::run, stream));
                } catch (ApiException e) {
                    if (e.code() != 410) {
                        throw e;
                    }
                    stream.onEvent(WatchEvent.error(e.status()));   // too old: 200, then an ERROR event
                }
                return null;
            });
        } catch (RuntimeException e) {
            closeQuietly(running);
            throw e;
        }
        x.streaming();
        if (webSocket) {
            // 101 Switching Protocols; the socket's open lets the stream start writing
            if (!webSockets.upgrade((request, response, callback) -> socket, x.request, x.response, x.callback)) {
                stream.end();
                throw ApiException.badRequest("cannot upgrade this request to a WebSocket");
            }
            x.streaming(101);
        }
        stream.iterate();   // chunked: sends the headers at once, so the client knows the watch is open
    }

    static void closeQuietly(AutoCloseable c) {
        try {
            c.close();
        } catch (Exception ignored) {
            // metrics only
        }
    }

    static ListOptions listOptions(Exchange x) {
        long limit = 0;
        Long timeout = null;
        try {
            if (x.param("limit") != null) {
                limit = Long.parseLong(x.param("limit"));
            }
            if (x.param("timeoutSeconds") != null) {
                timeout = Long.parseLong(x.param("timeoutSeconds"));
            }
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid limit or timeoutSeconds: " + e.getMessage());
        }
        return new ListOptions(emptyToNull(x.param("labelSelector")), emptyToNull(x.param("fieldSelector")),
                emptyToNull(x.param("resourceVersion")), limit, emptyToNull(x.param("continue")),
                x.flag("allowWatchBookmarks"), timeout);
    }

    /** The request's field manager: {@code fieldManager}, or else its User-Agent's product ({@code kubectl}), as Kubernetes records it. */
    static String fieldManager(Exchange x) {
        return FieldManager.managerOrUserAgent(x.param("fieldManager"), x.header("User-Agent"));
    }

    static boolean dryRun(Exchange x) {
        String v = x.param("dryRun");
        if (v == null || v.isEmpty()) {
            return false;
        }
        if (!v.equals("All")) {
            throw ApiException.badRequest("Invalid dry run value: unsupported dry run value \"" + v + "\"; supported value: All");
        }
        return true;
    }

    static PatchType patchType(Exchange x) {
        PatchType t = PatchType.fromContentType(x.contentType());
        if (t == null) {
            throw ApiException.unsupportedMediaType(String.valueOf(x.contentType()));
        }
        return t;
    }

    /** DeleteOptions from the body (kubectl sends one) and the query (curl users do). */
    static DeleteOptions deleteOptions(Exchange x) {
        byte[] body = x.body();
        Long grace = null;
        String propagation = x.param("propagationPolicy");
        String uid = null;
        String rv = null;
        boolean dryRun = dryRun(x);
        if (x.param("gracePeriodSeconds") != null) {
            grace = parseLong(x.param("gracePeriodSeconds"), "gracePeriodSeconds");
        }
        if (body.length > 0) {
            ObjectNode o = (ObjectNode) Bodies.parse(body, x.contentType() == null ? Exchange.JSON : x.contentType());
            if (o.hasNonNull("gracePeriodSeconds")) {
                grace = o.get("gracePeriodSeconds").asLong();
            }
            if (o.hasNonNull("propagationPolicy")) {
                propagation = o.get("propagationPolicy").asText();
            }
            if (o.has("orphanDependents") && o.get("orphanDependents").asBoolean() && propagation == null) {
                propagation = DeleteOptions.ORPHAN;
            }
            uid = o.path("preconditions").path("uid").asText(null);
            rv = o.path("preconditions").path("resourceVersion").asText(null);
            if (o.path("dryRun").isArray() && o.path("dryRun").toString().contains("All")) {
                dryRun = true;
            }
        }
        return new DeleteOptions(grace, propagation, uid, rv, dryRun);
    }

    private static long parseLong(String v, String what) {
        try {
            return Long.parseLong(v);
        } catch (NumberFormatException e) {
            throw ApiException.badRequest("invalid " + what + ": " + v);
        }
    }

    static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }
}
