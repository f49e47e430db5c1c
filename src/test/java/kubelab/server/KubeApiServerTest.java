package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.util.Iterator;
import java.util.stream.Stream;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The API server over HTTP")
class KubeApiServerTest {
    static LiveServer live;

    static final String POD = """
            {"apiVersion":"v1","kind":"Pod","metadata":{"name":"%s","labels":{"app":"web"}},
             "spec":{"containers":[{"name":"main","image":"busybox","command":["sh","-c","echo hello from %s; sleep 3600"]}]}}""";

    @BeforeAll
    static void start() throws Exception {
        live = new LiveServer(2);
    }

    @AfterAll
    static void stop() throws Exception {
        live.close();
    }

    static JsonNode json(HttpResponse<String> r) {
        return Json.fromBytes(r.body().getBytes(), JsonNode.class);
    }

    @Test
    @DisplayName("discovery lists each kind with its verbs and short names, and subresources as entries of their own")
    void discovery() throws Exception {
        JsonNode apps = json(live.get(LiveServer.ADMIN, "/apis/apps/v1"));
        assertThat(apps.path("kind").asText()).isEqualTo("APIResourceList");
        JsonNode deployments = find(apps, "deployments");
        assertThat(deployments.path("shortNames").toString()).contains("deploy");
        assertThat(deployments.path("verbs").toString()).contains("watch", "patch", "deletecollection");
        JsonNode scale = find(apps, "deployments/scale");
        assertThat(scale.path("group").asText()).isEqualTo("autoscaling");
        assertThat(scale.path("kind").asText()).isEqualTo("Scale");
        assertThat(json(live.get(LiveServer.ADMIN, "/api")).path("versions").toString()).isEqualTo("[\"v1\"]");
        assertThat(json(live.get(LiveServer.ADMIN, "/apis")).path("groups").toString()).contains("\"apps\"", "rbac.authorization.k8s.io");
    }

    private static JsonNode find(JsonNode list, String name) {
        for (JsonNode r : list.path("resources")) {
            if (r.path("name").asText().equals(name)) {
                return r;
            }
        }
        throw new AssertionError(name + " not in " + list);
    }

    @Test
    @DisplayName("a request without a token is 401 Unauthorized, answered as a Status")
    void unauthenticated() throws Exception {
        HttpResponse<String> r = live.get(null, "/api/v1/namespaces/default/pods");
        assertThat(r.statusCode()).isEqualTo(401);
        assertThat(json(r).path("kind").asText()).isEqualTo("Status");
        assertThat(json(r).path("reason").asText()).isEqualTo("Unauthorized");
    }

    @Test
    @DisplayName("a wrong token is 401 too, and the audit log records it, with no user")
    void unauthenticatedIsAudited() throws Exception {
        HttpResponse<String> r = live.get("not-a-token", "/api/v1/namespaces/default/secrets");
        assertThat(r.statusCode()).isEqualTo(401);
        var audited = live.cluster.call(c -> c.handlerChain().audit().events()).stream()
                .filter(e -> e.responseStatus().code() == 401 && e.objectRef() != null
                        && e.objectRef().resource().equals("secrets"))
                .toList();
        assertThat(audited).singleElement().satisfies(e -> {
            assertThat(e.user()).isNull();
            assertThat(e.verb()).isEqualTo("list");
        });
    }

    @Test
    @DisplayName("a body that cannot be read is judged after authorization: the viewer gets 403, the admin 400, and both are audited")
    void authorizationComesBeforeTheBody() throws Exception {
        String broken = "{\"apiVersion\":\"v1\",\"kind\":\"Pod\",";
        HttpResponse<String> viewer = live.send(LiveServer.VIEWER, "POST", "/api/v1/namespaces/default/pods",
                "application/json", broken);
        assertThat(viewer.statusCode()).isEqualTo(403);
        HttpResponse<String> admin = live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods",
                "application/json", broken);
        assertThat(admin.statusCode()).isEqualTo(400);
        assertThat(json(admin).path("message").asText()).startsWith("error decoding the request body: invalid JSON at line 1");
        var codes = live.cluster.call(c -> c.handlerChain().audit().events()).stream()
                .filter(e -> e.verb().equals("create") && e.objectRef() != null && e.objectRef().resource().equals("pods"))
                .map(e -> e.user().username() + " " + e.responseStatus().code())
                .toList();
        assertThat(codes).contains("kubelab-viewer 403", "kubelab-admin 400");
    }

    @Test
    @DisplayName("the view-only user may list pods but not create one: 403 with Kubernetes' message")
    void viewerIsForbiddenToCreate() throws Exception {
        assertThat(live.get(LiveServer.VIEWER, "/api/v1/namespaces/default/pods").statusCode()).isEqualTo(200);
        HttpResponse<String> r = live.send(LiveServer.VIEWER, "POST", "/api/v1/namespaces/default/pods",
                "application/json", POD.formatted("nope", "nope"));
        assertThat(r.statusCode()).isEqualTo(403);
        assertThat(json(r).path("message").asText())
                .isEqualTo("pods is forbidden: User \"kubelab-viewer\" cannot create resource \"pods\" in API group \"\" in the namespace \"default\"");
    }

    @Test
    @DisplayName("create answers 201 with the stored object; a second create of the name is 409 AlreadyExists")
    void createAndGet() throws Exception {
        HttpResponse<String> created = live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods",
                "application/json", POD.formatted("web-1", "web-1"));
        assertThat(created.statusCode()).isEqualTo(201);
        JsonNode pod = json(created);
        assertThat(pod.path("metadata").path("uid").asText()).isNotEmpty();
        assertThat(pod.path("metadata").path("resourceVersion").asText()).isNotEmpty();
        JsonNode got = json(live.get(LiveServer.ADMIN, "/api/v1/namespaces/default/pods/web-1"));
        assertThat(got.path("metadata").path("uid").asText()).isEqualTo(pod.path("metadata").path("uid").asText());
        HttpResponse<String> again = live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods",
                "application/json", POD.formatted("web-1", "web-1"));
        assertThat(again.statusCode()).isEqualTo(409);
        assertThat(json(again).path("reason").asText()).isEqualTo("AlreadyExists");
    }

    @Test
    @DisplayName("fieldValidation=Strict refuses an unknown field; the default warns in a Warning header")
    void fieldValidation() throws Exception {
        String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"%s\"},\"data\":{\"a\":\"b\"},\"dataa\":{}}";
        HttpResponse<String> strict = live.send(LiveServer.ADMIN, "POST",
                "/api/v1/namespaces/default/configmaps?fieldValidation=Strict", "application/json", cm.formatted("strict"));
        assertThat(strict.statusCode()).isEqualTo(400);
        assertThat(json(strict).path("message").asText()).isEqualTo("strict decoding error: unknown field \"dataa\"");
        HttpResponse<String> warned = live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/configmaps",
                "application/json", cm.formatted("warned"));
        assertThat(warned.statusCode()).isEqualTo(201);
        assertThat(warned.headers().allValues("Warning")).containsExactly("299 - \"unknown field \\\"dataa\\\"\"");
    }

    @Test
    @DisplayName("kubectl get asks for a Table and gets kubectl's columns")
    void table() throws Exception {
        live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods", "application/json", POD.formatted("tab", "tab"));
        HttpResponse<String> r = live.client.send(live.request(LiveServer.ADMIN, "/api/v1/namespaces/default/pods?limit=500")
                .header("Accept", "application/json;as=Table;v=v1;g=meta.k8s.io,application/json").GET().build(),
                HttpResponse.BodyHandlers.ofString());
        JsonNode table = json(r);
        assertThat(table.path("kind").asText()).isEqualTo("Table");
        assertThat(table.path("columnDefinitions").findValuesAsText("name")).startsWith("Name", "Ready", "Status", "Restarts", "Age");
        assertThat(table.path("rows").get(0).path("object").path("kind").asText()).isEqualTo("PartialObjectMetadata");
    }

    @Test
    @DisplayName("a watch streams one JSON event per line: ADDED for a new pod, then MODIFIED as it is scheduled")
    void watch() throws Exception {
        String rv = json(live.get(LiveServer.ADMIN, "/api/v1/namespaces/default/pods")).path("metadata").path("resourceVersion").asText();
        HttpResponse<Stream<String>> stream = live.client.send(live.request(LiveServer.ADMIN,
                "/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dwatched&resourceVersion=" + rv)
                .GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods", "application/json", POD.formatted("watched", "w"));
        Iterator<String> lines = stream.body().iterator();
        JsonNode first = Json.fromBytes(lines.next().getBytes(), JsonNode.class);
        assertThat(first.path("type").asText()).isEqualTo("ADDED");
        assertThat(first.path("object").path("metadata").path("name").asText()).isEqualTo("watched");
        JsonNode next = Json.fromBytes(lines.next().getBytes(), JsonNode.class);
        assertThat(next.path("type").asText()).isEqualTo("MODIFIED");
        stream.body().close();
    }

    @Test
    @DisplayName("a watch from a resourceVersion the server no longer keeps gets 200, then an ERROR event carrying 410 Expired")
    void expiredWatch() throws Exception {
        live.cluster.call(c -> {
            c.api().compact(c.api().store().currentRevision());
            return null;
        });
        HttpResponse<Stream<String>> stream = live.client.send(live.request(LiveServer.ADMIN,
                "/api/v1/namespaces/default/pods?watch=true&resourceVersion=1").GET().build(), HttpResponse.BodyHandlers.ofLines());
        assertThat(stream.statusCode()).isEqualTo(200);
        JsonNode event = Json.fromBytes(stream.body().iterator().next().getBytes(), JsonNode.class);
        assertThat(event.path("type").asText()).isEqualTo("ERROR");
        assertThat(event.path("object").path("code").asInt()).isEqualTo(410);
        stream.body().close();
    }

    @Test
    @DisplayName("kubectl scale patches deployments/NAME/scale (authorized as that subresource) and reads back an autoscaling/v1 Scale")
    void scale() throws Exception {
        String deploy = """
                {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"sc"},
                 "spec":{"replicas":1,"selector":{"matchLabels":{"app":"sc"}},
                  "template":{"metadata":{"labels":{"app":"sc"}},"spec":{"containers":[{"name":"n","image":"nginx"}]}}}}""";
        assertThat(live.send(LiveServer.ADMIN, "POST", "/apis/apps/v1/namespaces/default/deployments", "application/json", deploy)
                .statusCode()).isEqualTo(201);
        HttpResponse<String> viewer = live.send(LiveServer.VIEWER, "PATCH", "/apis/apps/v1/namespaces/default/deployments/sc/scale",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}");
        assertThat(viewer.statusCode()).isEqualTo(403);
        assertThat(json(viewer).path("message").asText()).contains("cannot patch resource \"deployments/scale\" in API group \"apps\"");
        HttpResponse<String> r = live.send(LiveServer.ADMIN, "PATCH", "/apis/apps/v1/namespaces/default/deployments/sc/scale",
                "application/merge-patch+json", "{\"spec\":{\"replicas\":3}}");
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(json(r).path("kind").asText()).isEqualTo("Scale");
        assertThat(json(r).path("spec").path("replicas").asInt()).isEqualTo(3);
        assertThat(json(r).path("status").path("selector").asText()).isEqualTo("app=sc");
        JsonNode d = json(live.get(LiveServer.ADMIN, "/apis/apps/v1/namespaces/default/deployments/sc"));
        assertThat(d.path("spec").path("replicas").asInt()).isEqualTo(3);
    }

    @Test
    @DisplayName("kubectl auth can-i: a SelfSubjectAccessReview answers from the same RBAC rules")
    void canI() throws Exception {
        String review = """
                {"apiVersion":"authorization.k8s.io/v1","kind":"SelfSubjectAccessReview",
                 "spec":{"resourceAttributes":{"namespace":"default","verb":"create","resource":"deployments","group":"apps"}}}""";
        HttpResponse<String> viewer = live.send(LiveServer.VIEWER, "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "application/json", review);
        assertThat(viewer.statusCode()).isEqualTo(201);
        assertThat(json(viewer).path("status").path("allowed").asBoolean()).isFalse();
        HttpResponse<String> admin = live.send(LiveServer.ADMIN, "POST",
                "/apis/authorization.k8s.io/v1/selfsubjectaccessreviews", "application/json", review);
        assertThat(json(admin).path("status").path("allowed").asBoolean()).isTrue();
    }

    @Test
    @DisplayName("/version, /healthz and /metrics answer; /metrics counts requests by verb and resource")
    void nonResource() throws Exception {
        assertThat(json(live.get(LiveServer.ADMIN, "/version")).path("gitVersion").asText()).isEqualTo(KubeApiServer.GIT_VERSION);
        assertThat(live.get(LiveServer.ADMIN, "/healthz").body()).isEqualTo("ok");
        live.get(LiveServer.ADMIN, "/api/v1/namespaces/default/configmaps");
        String metrics = live.get(LiveServer.ADMIN, "/metrics").body();
        assertThat(metrics).contains("apiserver_request_total{").contains("verb=\"LIST\"").contains("resource=\"configmaps\"");
        assertThat(metrics).contains("apiserver_storage_objects{resource=\"namespaces\"}");
        assertThat(live.get(LiveServer.VIEWER, "/metrics").statusCode()).isEqualTo(403);
    }

    @Test
    @DisplayName("the OpenAPI v2 document comes as protobuf to a client that asks for it (kubectl's validation)")
    void openApi() throws Exception {
        HttpResponse<byte[]> r = live.client.send(live.request(LiveServer.ADMIN, "/openapi/v2")
                .header("Accept", "application/com.github.proto-openapi.spec.v2@v1.0+protobuf").GET().build(),
                HttpResponse.BodyHandlers.ofByteArray());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type")).hasValue(kubelab.openapi.OpenApi.V2_PROTOBUF);
        assertThat(r.body().length).isGreaterThan(10_000);
    }

    @Test
    @DisplayName("a watch over WebSocket, as fabric8 asks for it first: 101, then one JSON event per message")
    void webSocketWatch() throws Exception {
        java.util.concurrent.BlockingQueue<String> messages = new java.util.concurrent.LinkedBlockingQueue<>();
        java.net.http.WebSocket ws = live.client.newWebSocketBuilder().header("Authorization", "Bearer " + LiveServer.ADMIN)
                .buildAsync(java.net.URI.create("ws://127.0.0.1:" + live.server.httpPort()
                        + "/api/v1/namespaces/default/pods?watch=true&fieldSelector=metadata.name%3Dsocket"),
                        new java.net.http.WebSocket.Listener() {
                            private final StringBuilder text = new StringBuilder();

                            @Override
                            public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                                text.append(data);
                                if (last) {
                                    messages.add(text.toString());
                                    text.setLength(0);
                                }
                                w.request(1);
                                return null;
                            }
                        }).get(30, java.util.concurrent.TimeUnit.SECONDS);
        live.send(LiveServer.ADMIN, "POST", "/api/v1/namespaces/default/pods", "application/json", POD.formatted("socket", "s"));
        JsonNode event = Json.fromBytes(messages.poll(30, java.util.concurrent.TimeUnit.SECONDS).getBytes(), JsonNode.class);
        assertThat(event.path("type").asText()).isEqualTo("ADDED");
        assertThat(event.path("object").path("metadata").path("name").asText()).isEqualTo("socket");
        ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done").get(30, java.util.concurrent.TimeUnit.SECONDS);
    }

    @Test
    @DisplayName("server-side apply over HTTP: 201 when it creates, 200 after, the manager recorded in managedFields; no fieldManager is 422")
    void serverSideApply() throws Exception {
        String cm = "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"applied\"},\"data\":{\"a\":\"1\"}}";
        String path = "/api/v1/namespaces/default/configmaps/applied?fieldManager=notebook";
        HttpResponse<String> first = live.send(LiveServer.ADMIN, "PATCH", path, "application/apply-patch+yaml", cm);
        assertThat(first.statusCode()).isEqualTo(201);
        assertThat(json(first).path("metadata").path("managedFields").get(0).path("manager").asText()).isEqualTo("notebook");
        assertThat(json(first).path("metadata").path("managedFields").get(0).path("operation").asText()).isEqualTo("Apply");
        assertThat(live.send(LiveServer.ADMIN, "PATCH", path, "application/apply-patch+yaml", cm).statusCode()).isEqualTo(200);
        HttpResponse<String> nameless = live.send(LiveServer.ADMIN, "PATCH", "/api/v1/namespaces/default/configmaps/applied",
                "application/apply-patch+yaml", cm);
        assertThat(nameless.statusCode()).isEqualTo(422);
    }
}
