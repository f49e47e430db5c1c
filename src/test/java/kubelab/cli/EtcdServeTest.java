package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;
import kubelab.api.serialization.Json;
import kubelab.store.KeyValue;
import kubelab.store.etcd.EtcdStore;
import kubelab.store.etcd.LocalEtcd;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code kubelab serve --store etcd=URL} on a real etcd, end to end: the cluster's objects in etcd
 * under {@code /registry}, Secrets only encrypted there, a restart of etcd survived, and two
 * servers on one etcd. These tests wait for real processes, so they poll with a deadline.
 */
@Tag("etcd")
@DisplayName("kubelab serve on a real etcd")
class EtcdServeTest {
    private static final String WEB = """
            {"apiVersion":"apps/v1","kind":"Deployment","metadata":{"name":"web"},"spec":{"replicas":2,
             "selector":{"matchLabels":{"app":"web"}},"template":{"metadata":{"labels":{"app":"web"}},
             "spec":{"containers":[{"name":"web","image":"nginx:1.14.2"}]}}}}""";

    private static LocalEtcd etcd() throws Exception {
        if (!LocalEtcd.installed()) {
            if ("1".equals(System.getenv("KUBELAB_REQUIRE_ETCD"))) {
                throw new AssertionError(LocalEtcd.INSTALL_HINT);
            }
            org.junit.jupiter.api.Assumptions.assumeTrue(false, LocalEtcd.INSTALL_HINT);
        }
        return LocalEtcd.start();
    }

    /** Polls {@code path} until its JSON satisfies {@code condition} (at most 60 s); errors while etcd restarts are retried. */
    private static JsonNode await(ServeProcess s, String path, Predicate<JsonNode> condition) throws Exception {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
        String last = "";
        while (System.nanoTime() < deadline) {
            HttpResponse<String> r = s.get(path);
            last = r.statusCode() + " " + r.body();
            if (r.statusCode() == 200) {
                JsonNode node = Json.mapper().readTree(r.body());
                if (condition.test(node)) {
                    return node;
                }
            }
            TimeUnit.MILLISECONDS.sleep(100);
        }
        throw new AssertionError("gave up waiting on " + path + "; last answer: " + last);
    }

    @Test
    @DisplayName("the cluster's objects are in etcd under /registry, a Secret only encrypted, and after etcd restarts the cluster converges")
    void objectsInEtcdAndRestart(@TempDir Path dir) throws Exception {
        try (LocalEtcd etcd = etcd();
             ServeProcess serve = ServeProcess.start(dir, "--store", "etcd=" + etcd.endpoint(), "--nodes", "2")) {
            assertThat(serve.post("/apis/apps/v1/namespaces/default/deployments", WEB).statusCode()).isEqualTo(201);
            assertThat(serve.post("/api/v1/namespaces/default/secrets", """
                    {"apiVersion":"v1","kind":"Secret","metadata":{"name":"db"},"stringData":{"password":"s3cret-pa55"}}""")
                    .statusCode()).isEqualTo(201);
            await(serve, "/apis/apps/v1/namespaces/default/deployments/web", d -> d.path("status").path("readyReplicas").asInt() == 2);

            try (EtcdStore raw = EtcdStore.connect(List.of(etcd.endpoint()), "")) {   // as etcdctl sees it
                List<String> keys = raw.range("/registry/").kvs().stream().map(KeyValue::key).toList();
                assertThat(keys).contains("/registry/deployments/default/web", "/registry/secrets/default/db",
                        "/registry/namespaces/kube-system", "/registry/nodes/node-1");
                assertThat(keys).filteredOn(k -> k.startsWith("/registry/pods/default/web-")).hasSize(2);
                String secret = new String(raw.get("/registry/secrets/default/db").orElseThrow().value(), StandardCharsets.ISO_8859_1);
                assertThat(secret).startsWith("k8s:enc:aesgcm:v1:key1:").doesNotContain("s3cret-pa55")
                        .doesNotContain(Base64.getEncoder().encodeToString("s3cret-pa55".getBytes(StandardCharsets.UTF_8)));
            }
            JsonNode back = await(serve, "/api/v1/namespaces/default/secrets/db", s -> s.has("data"));
            assertThat(new String(Base64.getDecoder().decode(back.path("data").path("password").asText()), StandardCharsets.UTF_8))
                    .isEqualTo("s3cret-pa55");

            etcd.restart();
            HttpResponse<String> scaled = null;
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
            while ((scaled == null || scaled.statusCode() != 200) && System.nanoTime() < deadline) {
                scaled = serve.patch("/apis/apps/v1/namespaces/default/deployments/web", "{\"spec\":{\"replicas\":3}}");
            }
            assertThat(scaled.statusCode()).as("a write after etcd came back: %s", scaled.body()).isEqualTo(200);
            await(serve, "/apis/apps/v1/namespaces/default/deployments/web", d -> d.path("status").path("readyReplicas").asInt() == 3);
        }
    }

    @Test
    @DisplayName("two servers on one etcd: a write through one is read through the other, and the other takes the Leases when the first stops")
    void twoServers(@TempDir Path a, @TempDir Path b) throws Exception {
        try (LocalEtcd etcd = etcd();
             ServeProcess first = ServeProcess.start(a, "--store", "etcd=" + etcd.endpoint(), "--nodes", "1")) {
            try (ServeProcess second = ServeProcess.start(b, "--store", "etcd=" + etcd.endpoint(), "--nodes", "0",
                    "--encryption-provider-config", a.resolve("encryption-config.yaml").toString())) {
                assertThat(first.post("/api/v1/namespaces/default/configmaps",
                        "{\"apiVersion\":\"v1\",\"kind\":\"ConfigMap\",\"metadata\":{\"name\":\"shared\"},\"data\":{\"k\":\"v\"}}")
                        .statusCode()).isEqualTo(201);
                assertThat(second.get("/api/v1/namespaces/default/configmaps/shared").body()).contains("\"k\":\"v\"");

                String lease = "/apis/coordination.k8s.io/v1/namespaces/kube-system/leases/kube-controller-manager";
                String leader = await(second, lease, l -> !l.path("spec").path("holderIdentity").asText().isEmpty())
                        .path("spec").path("holderIdentity").asText();
                first.close();   // SIGTERM: the first server (the leader: it started first) lets go of its Leases
                JsonNode taken = await(second, lease, l -> !l.path("spec").path("holderIdentity").asText().equals(leader)
                        && !l.path("spec").path("holderIdentity").asText().isEmpty());
                assertThat(taken.path("spec").path("leaseTransitions").asInt()).as("the second server took it over").isEqualTo(1);
            }
        }
    }
}
