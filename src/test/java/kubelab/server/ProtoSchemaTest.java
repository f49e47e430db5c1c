package kubelab.server;

import static kubelab.server.ProtoWriter.envelope;
import static kubelab.server.ProtoWriter.intOrString;
import static kubelab.server.ProtoWriter.message;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Arrays;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/**
 * Protobuf request bodies, built field by field with the numbers of Kubernetes' generated.proto,
 * decode to the JSON tree the same object has as JSON.
 */
@DisplayName("Protobuf request bodies decode to the object's JSON")
class ProtoSchemaTest {

    static JsonNode decode(String apiVersion, String kind, ProtoWriter object) {
        return ProtoSchema.decode(ProtoReader.envelope(envelope(apiVersion, kind, object)));
    }

    static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    /** ObjectMeta as Go writes it: every non-pointer field, the zero creationTimestamp included. */
    static ProtoWriter meta(String name, String label) {
        ProtoWriter m = message().string(1, name).string(2, "").string(3, "")
                .message(8, message());
        return label == null ? m : m.entry(11, "app", label);
    }

    static ProtoWriter container(String name, String image) {
        return message().string(1, name).string(2, image).string(5, "")
                .message(8, message()).string(13, "").string(14, "").varint(16, 0);
    }

    @Test
    @DisplayName("a Deployment keeps its replicas, selector, template, and a container's ports and resources")
    void deployment() throws Exception {
        ProtoWriter container = container("web", "nginx:1.14.2")
                .message(6, message().string(1, "http").varint(3, 80).string(4, "TCP"))
                .message(8, message()
                        .message(1, message().string(1, "cpu").message(2, message().string(1, "500m")))
                        .message(2, message().string(1, "memory").message(2, message().string(1, "64Mi"))));
        ProtoWriter spec = message()
                .varint(1, 2)
                .message(2, message().entry(1, "app", "web"))
                .message(3, message().message(1, meta("", "web"))
                        .message(2, message().message(2, container).string(3, "Always").string(6, "ClusterFirst")))
                .message(4, message().string(1, "RollingUpdate")
                        .message(2, message().message(1, intOrString("25%")).message(2, intOrString(1))))
                .varint(5, 0)
                .varint(9, 600);
        JsonNode d = decode("apps/v1", "Deployment", message().message(1, meta("web", "web")).message(2, spec)
                .message(3, message().varint(1, 0)));

        assertThat(d).isEqualTo(json("""
                {"apiVersion": "apps/v1", "kind": "Deployment",
                 "metadata": {"name": "web", "labels": {"app": "web"}},
                 "spec": {"replicas": 2, "selector": {"matchLabels": {"app": "web"}},
                   "template": {"metadata": {"labels": {"app": "web"}},
                     "spec": {"containers": [{"name": "web", "image": "nginx:1.14.2",
                        "ports": [{"name": "http", "containerPort": 80, "protocol": "TCP"}],
                        "resources": {"limits": {"cpu": "500m"}, "requests": {"memory": "64Mi"}}}],
                       "restartPolicy": "Always", "dnsPolicy": "ClusterFirst"}},
                   "strategy": {"type": "RollingUpdate", "rollingUpdate": {"maxUnavailable": "25%", "maxSurge": 1}},
                   "progressDeadlineSeconds": 600}}
                """));
    }

    @Test
    @DisplayName("replicas: 0 is kept (a pointer in Go), while minReadySeconds: 0 is left out like omitempty")
    void pointerZero() {
        JsonNode d = decode("apps/v1", "Deployment", message().message(2, message().varint(1, 0).varint(5, 0)));
        assertThat(d.path("spec").path("replicas").isNumber()).isTrue();
        assertThat(d.path("spec").has("minReadySeconds")).isFalse();
    }

    @Test
    @DisplayName("a Service's targetPort is an IntOrString: a number, or a port's name")
    void service() throws Exception {
        ProtoWriter spec = message()
                .message(1, message().string(1, "http").string(2, "TCP").varint(3, 80).message(4, intOrString(8080))
                        .varint(5, 0))
                .message(1, message().string(1, "admin").string(2, "TCP").varint(3, 81).message(4, intOrString("admin"))
                        .varint(5, 30081))
                .entry(2, "app", "web").string(3, "").string(4, "NodePort").string(7, "");
        JsonNode s = decode("v1", "Service", message().message(1, meta("web", null)).message(2, spec));

        assertThat(s).isEqualTo(json("""
                {"apiVersion": "v1", "kind": "Service", "metadata": {"name": "web"},
                 "spec": {"ports": [
                    {"name": "http", "protocol": "TCP", "port": 80, "targetPort": 8080},
                    {"name": "admin", "protocol": "TCP", "port": 81, "targetPort": "admin", "nodePort": 30081}],
                   "selector": {"app": "web"}, "type": "NodePort"}}
                """));
    }

    @Test
    @DisplayName("a Job keeps its completions, backoffLimit: 0, and its container's command")
    void job() throws Exception {
        ProtoWriter pod = message().message(2, container("once", "busybox").string(3, "echo").string(3, "hi"))
                .string(3, "Never");
        JsonNode j = decode("batch/v1", "Job", message().message(1, meta("once", null))
                .message(2, message().varint(2, 3).message(6, message().message(1, meta("", null)).message(2, pod))
                        .varint(7, 0)));

        assertThat(j).isEqualTo(json("""
                {"apiVersion": "batch/v1", "kind": "Job", "metadata": {"name": "once"},
                 "spec": {"completions": 3, "backoffLimit": 0,
                   "template": {"metadata": {}, "spec": {
                     "containers": [{"name": "once", "image": "busybox", "command": ["echo", "hi"], "resources": {}}],
                     "restartPolicy": "Never"}}}}
                """));
    }

    @Test
    @DisplayName("a CronJob keeps its schedule and the Job template inside it")
    void cronJob() throws Exception {
        ProtoWriter jobSpec = message().message(6, message().message(2, message().message(2, container("tick", "busybox"))
                .string(3, "OnFailure")));
        JsonNode c = decode("batch/v1", "CronJob", message().message(1, meta("tick", null))
                .message(2, message().string(1, "*/1 * * * *").string(3, "Forbid")
                        .message(5, message().message(1, meta("tick", null)).message(2, jobSpec))));

        assertThat(c).isEqualTo(json("""
                {"apiVersion": "batch/v1", "kind": "CronJob", "metadata": {"name": "tick"},
                 "spec": {"schedule": "*/1 * * * *", "concurrencyPolicy": "Forbid",
                   "jobTemplate": {"metadata": {"name": "tick"}, "spec": {"template": {"spec": {
                     "containers": [{"name": "tick", "image": "busybox", "resources": {}}],
                     "restartPolicy": "OnFailure"}}}}}}
                """));
    }

    @Test
    @DisplayName("a ClusterRoleBinding keeps its subjects and roleRef")
    void clusterRoleBinding() throws Exception {
        JsonNode b = decode("rbac.authorization.k8s.io/v1", "ClusterRoleBinding", message().message(1, meta("x", null))
                .message(2, message().string(1, "User").string(2, "rbac.authorization.k8s.io").string(3, "u").string(4, ""))
                .message(3, message().string(1, "rbac.authorization.k8s.io").string(2, "ClusterRole").string(3, "view")));

        assertThat(b).isEqualTo(json("""
                {"apiVersion": "rbac.authorization.k8s.io/v1", "kind": "ClusterRoleBinding", "metadata": {"name": "x"},
                 "subjects": [{"kind": "User", "apiGroup": "rbac.authorization.k8s.io", "name": "u"}],
                 "roleRef": {"apiGroup": "rbac.authorization.k8s.io", "kind": "ClusterRole", "name": "view"}}
                """));
    }

    @Test
    @DisplayName("a PodDisruptionBudget's minAvailable and a Secret's bytes (base64 in JSON) come through")
    void pdbAndSecret() throws Exception {
        assertThat(decode("policy/v1", "PodDisruptionBudget", message()
                .message(2, message().message(1, intOrString(2)).message(2, message().entry(1, "app", "web")))))
                .isEqualTo(json("""
                        {"apiVersion": "policy/v1", "kind": "PodDisruptionBudget",
                         "spec": {"minAvailable": 2, "selector": {"matchLabels": {"app": "web"}}}}
                        """));
        assertThat(decode("v1", "Secret", message().message(2, message().string(1, "k").bytes(2, new byte[] {1, 2})))
                .path("data").path("k").asText()).isEqualTo("AQI=");
    }

    @Test
    @DisplayName("fields the schema does not list, of every wire type, are skipped")
    void unknownFieldsSkipped() throws Exception {
        byte[] fixed64 = {(9 << 3) | 1, 1, 2, 3, 4, 5, 6, 7, 8};
        byte[] fixed32 = {(10 << 3) | 5, 1, 2, 3, 4};
        ProtoWriter pod = message().message(1, meta("one", null).string(99, "future").varint(98, 7))
                .message(2, message().message(2, container("one", "nginx")).message(14, message().varint(1, 1000))
                        .bytes(50, new byte[] {}))
                .message(3, message().string(1, "Pending"));
        byte[] raw = pod.toBytes();
        byte[] withFixed = Arrays.copyOf(raw, raw.length + fixed64.length + fixed32.length);
        System.arraycopy(fixed64, 0, withFixed, raw.length, fixed64.length);
        System.arraycopy(fixed32, 0, withFixed, raw.length + fixed64.length, fixed32.length);

        JsonNode p = ProtoSchema.decode(new ProtoReader.Envelope("v1", "Pod", withFixed));
        assertThat(p).isEqualTo(json("""
                {"apiVersion": "v1", "kind": "Pod", "metadata": {"name": "one"},
                 "spec": {"containers": [{"name": "one", "image": "nginx", "resources": {}}]}}
                """));
    }

    @Test
    @DisplayName("a kind the schema does not list is not decoded (the server answers 415)")
    void unknownKind() {
        assertThat(decode("apps/v1", "StatefulSet", message().message(1, meta("db", null)))).isNull();
        ApiException refused = Bodies.unsupported(Bodies.PROTOBUF);
        assertThat(refused.code()).isEqualTo(415);
        assertThat(refused.getMessage()).contains("Deployment, Ingress, Job, Namespace, Pod")
                .contains("--dry-run=client -o yaml | kubectl apply -f -");
    }

    @Test
    @DisplayName("a truncated body is a 400 that names where it broke off, not a stack trace")
    void truncated() {
        byte[] whole = envelope("apps/v1", "Deployment", message().message(1, meta("web", "web"))
                .message(2, message().varint(1, 2).message(3, message().message(2, message()
                        .message(2, container("web", "nginx"))))));
        ProtoReader.Envelope e = ProtoReader.envelope(whole);
        byte[] cut = Arrays.copyOf(e.raw(), e.raw().length - 5);

        assertThatThrownBy(() -> ProtoSchema.decode(new ProtoReader.Envelope("apps/v1", "Deployment", cut)))
                .isInstanceOfSatisfying(ApiException.class, x -> assertThat(x.code()).isEqualTo(400))
                .hasMessage("truncated protobuf body at Deployment.spec");
        assertThatThrownBy(() -> ProtoReader.envelope(Arrays.copyOf(whole, 20)))
                .isInstanceOfSatisfying(ApiException.class, x -> assertThat(x.code()).isEqualTo(400))
                .hasMessage("truncated protobuf body");
    }
}
