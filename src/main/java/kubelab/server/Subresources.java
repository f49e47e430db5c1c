package kubelab.server;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.core.Binding;
import kubelab.api.core.Pod;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;
import kubelab.api.meta.Status;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.patch.JsonMergePatch;
import kubelab.apiserver.patch.JsonPatch;
import kubelab.apiserver.patch.PatchException;
import kubelab.apiserver.patch.StrategicMergePatch;
import org.eclipse.jetty.server.Response;
import org.eclipse.jetty.websocket.server.ServerWebSocketContainer;

/**
 * The subresources over HTTP: {@code status} (read, replace, patch only the status),
 * {@code scale} (an autoscaling/v1 Scale view of a workload's replicas: {@code kubectl scale}),
 * {@code log} ({@code kubectl logs}: container, previous, tailLines), {@code binding} (the
 * scheduler's write) and {@code eviction} (a delete that asks first).
 *
 * <p>Real Kubernetes: {@code StatusREST}, {@code ScaleREST}, {@code LogREST}, {@code BindingREST}
 * and {@code EvictionREST} beside each kind's storage in {@code pkg/registry}.
 */
final class Subresources {
    private final ClusterThread cluster;
    private final ResourceHandler resources;
    private final ServerWebSocketContainer webSockets;
    private final java.util.concurrent.Executor writers;

    Subresources(ClusterThread cluster, ResourceHandler resources, ServerWebSocketContainer webSockets,
                 java.util.concurrent.Executor writers) {
        this.cluster = cluster;
        this.resources = resources;
        this.webSockets = webSockets;
        this.writers = writers;
    }

    void serve(Exchange x, ResourceType type, Api callersApi, UserInfo user) {
        RequestInfo i = x.info;
        if (!type.subresources().contains(i.subresource())) {
            throw ApiException.noSuchPath();
        }
        String ns = type.namespaced() ? i.namespace() : "";
        String sub = i.subresource();
        if (sub.equals("scale") || sub.equals("log") || sub.equals("eviction")) {
            // Authorized as the subresource, as Kubernetes does (an autoscaler may scale without
            // being allowed to edit the Deployment), then carried out by the server itself.
            authorize(user, i.verb(), type, sub, ns, i.name());
        }
        Api api = sub.equals("scale") || sub.equals("eviction") ? cluster.cluster().api() : callersApi;
        switch (sub + ":" + i.verb()) {
            case "status:get" -> resources.sendObject(x, type, 200,
                    cluster.call(c -> api.get(ResourceHandler.javaType(type), ns, i.name())));
            case "status:update" -> {
                KubeObject obj = resources.body(x, type, user, ns, i.name());
                UpdateOptions options = new UpdateOptions(ResourceHandler.dryRun(x), ResourceHandler.fieldManager(x));
                resources.sendObject(x, type, 200, cluster.call(c -> api.updateStatus(obj, options)));
            }
            case "status:patch" -> patchStatus(x, type, api, ns);
            case "scale:get" -> x.sendJson(200, scale(type, cluster.call(c -> api.get(ResourceHandler.javaType(type), ns, i.name()))));
            case "scale:update", "scale:patch" -> updateScale(x, type, api, ns);
            case "log:get" -> log(x, ns, i.name());
            case "binding:create" -> {
                Binding binding = Json.fromBytes(x.body(), Binding.class);
                cluster.call(c -> api.bind(binding.withMetadata(binding.metadata().withNamespace(ns))));
                x.sendJson(201, Exchange.statusDocument(new Status(null, null, null, Status.SUCCESS, null, null, null, 201)));
            }
            case "eviction:create" -> evict(x, api, ns, i.name());
            case "exec:get", "exec:create" -> exec(x, type, ns, i.name(), user);
            case "attach:get", "attach:create" -> attach(x, type, ns, i.name(), user);
            default -> throw ApiException.methodNotSupported(type.group(), type.plural() + "/" + sub, i.verb());
        }
    }

    /** 403 unless {@code user} may {@code verb} this subresource. */
    private void authorize(UserInfo user, String verb, ResourceType type, String sub, String ns, String name) {
        var attrs = kubelab.apiserver.auth.AuthorizationAttributes.resource(user, verb, type, sub, ns, name);
        cluster.call(c -> {
            var decision = c.handlerChain().authorizer().authorize(attrs);
            if (!decision.allowed()) {
                throw kubelab.apiserver.auth.Forbidden.of(attrs, decision.reason());
            }
            return null;
        });
    }

    /** Reads the object, patches its JSON, and writes back only the status. */
    private void patchStatus(Exchange x, ResourceType type, Api api, String ns) {
        PatchType patchType = ResourceHandler.patchType(x);
        if (patchType == PatchType.APPLY) {
            throw ApiException.unsupportedMediaType(patchType.contentType() + " on the status subresource");
        }
        JsonNode patch = Bodies.parse(x.body(), Exchange.JSON);
        UpdateOptions options = new UpdateOptions(ResourceHandler.dryRun(x), ResourceHandler.fieldManager(x));
        Class<KubeObject> cls = ResourceHandler.javaType(type);
        KubeObject result = cluster.call(c -> {
            KubeObject current = api.get(cls, ns, x.info.name());
            JsonNode patched;
            try {
                patched = switch (patchType) {
                    case JSON -> JsonPatch.apply(Json.toTree(current), patch);
                    case MERGE -> JsonMergePatch.apply(Json.toTree(current), patch);
                    default -> StrategicMergePatch.apply(Json.toTree(current), patch, cls);
                };
            } catch (PatchException e) {
                throw e.toApiException();
            }
            return api.updateStatus(Json.fromTree(patched, cls), options);
        });
        resources.sendObject(x, type, 200, result);
    }

    /** autoscaling/v1 Scale of a Deployment, ReplicaSet, StatefulSet or ReplicationController. */
    static ObjectNode scale(ResourceType type, KubeObject obj) {
        JsonNode tree = Json.toTree(obj);
        ObjectNode s = Json.mapper().createObjectNode();
        s.put("kind", "Scale");
        s.put("apiVersion", "autoscaling/v1");
        ObjectNode meta = s.putObject("metadata");
        meta.put("name", obj.name());
        meta.put("namespace", obj.namespace());
        meta.put("uid", obj.metadata().uid());
        meta.put("resourceVersion", obj.metadata().resourceVersion());
        meta.set("creationTimestamp", tree.path("metadata").path("creationTimestamp"));
        s.putObject("spec").put("replicas", tree.path("spec").path("replicas").asInt(1));
        ObjectNode status = s.putObject("status");
        status.put("replicas", tree.path("status").path("replicas").asInt(0));
        JsonNode selector = tree.path("spec").path("selector");
        if (selector.isObject() && (selector.has("matchLabels") || selector.has("matchExpressions"))) {
            status.put("selector", Selector.from(Json.fromTree(selector, LabelSelector.class)).toString());
        } else if (selector.isObject()) {
            status.put("selector", Selector.fromSet(Json.mapper().convertValue(selector,
                    new com.fasterxml.jackson.core.type.TypeReference<java.util.Map<String, String>>() { })).toString());
        }
        return s;
    }

    private void updateScale(Exchange x, ResourceType type, Api api, String ns) {
        Class<KubeObject> cls = ResourceHandler.javaType(type);
        JsonNode body = Bodies.parse(x.body(), x.contentType() == null ? Exchange.JSON : x.contentType());
        PatchType patchType = x.info.verb().equals("patch") ? ResourceHandler.patchType(x) : null;
        boolean dryRun = ResourceHandler.dryRun(x);
        ObjectNode result = cluster.call(c -> {
            KubeObject current = api.get(cls, ns, x.info.name());
            ObjectNode scale = scale(type, current);
            JsonNode wanted;
            try {
                wanted = patchType == null ? body : switch (patchType) {
                    case JSON -> JsonPatch.apply(scale, body);
                    case MERGE, STRATEGIC_MERGE -> JsonMergePatch.apply(scale, body);
                    case APPLY -> throw ApiException.unsupportedMediaType(patchType.contentType() + " on scale");
                };
            } catch (PatchException e) {
                throw e.toApiException();
            }
            JsonNode replicas = wanted.path("spec").path("replicas");
            if (!replicas.canConvertToInt() || replicas.asInt() < 0) {
                throw ApiException.invalid("autoscaling", "Scale", x.info.name(), List.of(
                        kubelab.apiserver.FieldError.invalid("spec.replicas", replicas.toString(),
                                "must be greater than or equal to 0")));
            }
            ObjectNode patch = Json.mapper().createObjectNode();
            patch.putObject("spec").put("replicas", replicas.asInt());
            String rv = wanted.path("metadata").path("resourceVersion").asText("");
            if (patchType == null && !rv.isEmpty()) {
                patch.putObject("metadata").put("resourceVersion", rv);   // a PUT of a Scale is conditional
            }
            KubeObject updated = api.patch(cls, ns, x.info.name(), PatchType.MERGE, Json.toJson(patch),
                    new PatchOptions(dryRun, ResourceHandler.fieldManager(x), false));
            return scale(type, updated);
        });
        x.sendJson(200, result);
    }

    /**
     * {@code kubectl logs}: the container's log as plain text, its last {@code tailLines} lines, or
     * with {@code follow} the log so far and then what the container writes next.
     */
    private void log(Exchange x, String ns, String name) {
        boolean previous = x.flag("previous");
        String[] chosen = new String[1];
        String text = cluster.call(c -> {
            Pod pod = c.api().get(Pod.class, ns, name);
            String container = x.param("container");
            List<String> names = pod.spec().containers().stream().map(k -> k.name()).toList();
            if (container == null || container.isEmpty()) {
                if (names.size() != 1) {
                    throw ApiException.badRequest("a container name must be specified for pod " + name
                            + ", choose one of: " + names);
                }
                container = names.get(0);
            }
            if (pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()) {
                throw ApiException.badRequest("container \"" + container + "\" in pod \"" + name
                        + "\" is waiting to start: ContainerCreating");
            }
            chosen[0] = container;
            return previous ? c.previousLogs(ns, name, container) : c.logs(ns, name, container);
        });
        String tail = x.param("tailLines");
        if (tail != null) {
            int n;
            try {
                n = Integer.parseInt(tail);
            } catch (NumberFormatException e) {
                throw ApiException.badRequest("invalid tailLines: " + tail);
            }
            List<String> lines = Arrays.asList(text.split("\n", -1));
            boolean endsWithNewline = text.endsWith("\n");
            List<String> body = endsWithNewline ? lines.subList(0, lines.size() - 1) : lines;
            List<String> kept = body.subList(Math.max(0, body.size() - Math.max(0, n)), body.size());
            text = kept.isEmpty() ? "" : String.join("\n", kept) + (endsWithNewline ? "\n" : "");
        }
        if (x.flag("follow") && !previous) {
            new LogFollower(x, cluster, writers, ns, name, chosen[0]).start(text);
            return;
        }
        x.send(200, "text/plain", text.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * {@code kubectl exec} (1.30+ speaks WebSocket; older ones SPDY, which is refused here): the
     * caller needs {@code create} on {@code pods/exec}, as in Kubernetes; the command runs in the
     * container and its output comes back on the channels of {@link ExecSocket}.
     */
    private void exec(Exchange x, ResourceType type, String ns, String name, UserInfo user) {
        authorize(user, "create", type, "exec", ns, name);
        if (!"websocket".equalsIgnoreCase(x.header("Upgrade"))) {
            throw ApiException.badRequest("Upgrade request required: kubelab serves exec over WebSocket ("
                    + String.join(", ", ExecSocket.PROTOCOLS) + "); kubectl 1.30 or newer uses it, older ones speak SPDY");
        }
        List<String> command = x.params("command");
        if (command.isEmpty()) {
            throw ApiException.badRequest("you must specify at least 1 command");
        }
        String requested = x.param("container");
        ExecSocket socket = new ExecSocket(command.toString().replace(",", ""));
        cluster.call(c -> {
            String container = streamedContainer(c.api().get(Pod.class, ns, name), requested);
            c.nodeOf(ns, name).kubelet().exec(ns, name, container, command).whenComplete(socket::complete);
            return null;
        });
        upgrade(x, socket);
    }

    /**
     * The container an exec or attach names (the first one if none), checked as kube-apiserver's
     * {@code ExecLocation} and {@code AttachLocation} check it: one of the pod's, on a node.
     */
    private static String streamedContainer(Pod pod, String requested) {
        String name = pod.metadata().name();
        String chosen = requested != null && !requested.isEmpty() ? requested : pod.spec().containers().get(0).name();
        if (pod.spec().containers().stream().noneMatch(k -> k.name().equals(chosen))) {
            throw ApiException.badRequest("container " + chosen + " is not valid for pod " + name);
        }
        if (pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()) {
            throw ApiException.badRequest("pod " + name + " does not have a host assigned");
        }
        return chosen;
    }

    /** Answers 101 and hands the socket to {@code socket}, in a channel protocol both sides speak. */
    private void upgrade(Exchange x, Object socket) {
        boolean upgraded = webSockets.upgrade((request, response, callback) -> {
            // v5 (kubectl 1.30+) differs from v4 only in a CLOSE message for stdin, which is not read here
            for (String protocol : ExecSocket.PROTOCOLS) {
                if (request.hasSubProtocol(protocol)) {
                    response.setAcceptedSubProtocol(protocol);
                    return socket;
                }
            }
            Response.writeError(request, response, callback, 400, "no supported channel protocol offered; this server speaks "
                    + String.join(", ", ExecSocket.PROTOCOLS));
            return null;
        }, x.request, x.response, x.callback);
        if (!upgraded) {
            throw ApiException.badRequest("cannot upgrade this request to a WebSocket");
        }
        x.streaming(101);
    }

    /**
     * {@code kubectl attach} and {@code kubectl run -i}: the container's output from now until it
     * ends, over WebSocket ({@link AttachSocket}). The caller needs {@code create} on
     * {@code pods/attach}, as for exec; the container must be running.
     */
    private void attach(Exchange x, ResourceType type, String ns, String name, UserInfo user) {
        authorize(user, "create", type, "attach", ns, name);
        if (!"websocket".equalsIgnoreCase(x.header("Upgrade"))) {
            throw ApiException.badRequest("Upgrade request required: kubelab serves attach over WebSocket ("
                    + String.join(", ", ExecSocket.PROTOCOLS) + "); kubectl 1.30 or newer uses it, older ones speak SPDY");
        }
        String requested = x.param("container");
        String container = cluster.call(c -> {
            Pod pod = c.api().get(Pod.class, ns, name);
            String chosen = streamedContainer(pod, requested);
            boolean running = pod.status() != null && pod.status().containerStatuses().stream()
                    .anyMatch(st -> st.name().equals(chosen) && st.state() != null && st.state().running() != null);
            if (!running) {
                throw ApiException.badRequest("container " + chosen + " in pod " + name + " is not running");
            }
            return chosen;
        });
        upgrade(x, new AttachSocket(cluster, ns, name, container, x.flag("tty")));
    }

    /** policy/v1 Eviction: deletes the pod with the eviction's options (no PodDisruptionBudgets here). */
    private void evict(Exchange x, Api api, String ns, String name) {
        JsonNode body = Bodies.parse(x.body(), Exchange.JSON);
        JsonNode opts = body.path("deleteOptions");
        Long grace = opts.hasNonNull("gracePeriodSeconds") ? opts.get("gracePeriodSeconds").asLong() : null;
        DeleteOptions options = new DeleteOptions(grace, null, opts.path("preconditions").path("uid").asText(null),
                opts.path("preconditions").path("resourceVersion").asText(null), ResourceHandler.dryRun(x));
        cluster.call(c -> api.delete(Pod.class, ns, name, options));
        x.sendJson(201, Exchange.statusDocument(new Status(null, null, null, Status.SUCCESS, null, null, null, 201)));
    }
}
