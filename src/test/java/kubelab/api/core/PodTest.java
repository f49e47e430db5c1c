package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Pods built in Java and read from JSON behave like Kubernetes' own objects. */
@Tag("chapter1")
class PodTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");

    private static Pod nginx() {
        Container c = Container.of("nginx", "nginx:1.14.2").withPorts(List.of(ContainerPort.of(80)));
        return Pod.of("default", "web", PodSpec.of(c));
    }

    @Test
    @DisplayName("a pod built in Java prints as Kubernetes YAML")
    void printsAsYaml() {
        assertThat(Json.toYaml(nginx())).isEqualTo("""
                apiVersion: v1
                kind: Pod
                metadata:
                  name: web
                  namespace: default
                spec:
                  containers:
                  - name: nginx
                    image: nginx:1.14.2
                    ports:
                    - containerPort: 80
                """);
    }

    @Test
    @DisplayName("apiVersion and kind are filled in as v1 and Pod when not given")
    void typeMeta() throws IOException {
        Pod pod = Json.mapper().readValue("{\"metadata\":{\"name\":\"p\"}}", Pod.class);

        assertThat(pod.apiVersion()).isEqualTo("v1");
        assertThat(pod.kind()).isEqualTo("Pod");
    }

    @Test
    @DisplayName("lists and maps are never null, even when the manifest leaves them out")
    void neverNull() throws IOException {
        Pod pod = Json.mapper().readValue("""
                {"spec": {"containers": [{"name": "c", "image": "busybox"}]}}""", Pod.class);

        PodSpec spec = pod.spec();
        Container c = spec.containers().get(0);
        assertThat(spec.volumes()).isEmpty();
        assertThat(spec.initContainers()).isEmpty();
        assertThat(spec.tolerations()).isEmpty();
        assertThat(spec.nodeSelector()).isEmpty();
        assertThat(c.command()).isEmpty();
        assertThat(c.env()).isEmpty();
        assertThat(c.ports()).isEmpty();
        assertThat(c.volumeMounts()).isEmpty();
        assertThat(PodStatus.empty().conditions()).isEmpty();
        assertThat(PodStatus.empty().containerStatuses()).isEmpty();
        assertThat(new ResourceRequirements(null, null, null).limits()).isEmpty();
    }

    @Test
    @DisplayName("absent fields stay absent: defaulting is the API server's job, not the type's")
    void noDefaults() throws IOException {
        Pod pod = nginx();
        Container c = pod.spec().containers().get(0);

        assertThat(c.imagePullPolicy()).isNull();
        assertThat(pod.spec().restartPolicy()).isNull();
        assertThat(pod.spec().dnsPolicy()).isNull();
        assertThat(pod.spec().terminationGracePeriodSeconds()).isNull();
        assertThat(c.ports().get(0).protocol()).isNull();
        assertThat(Json.toJson(pod)).doesNotContain("imagePullPolicy", "restartPolicy", "protocol", "status");
    }

    @Test
    @DisplayName("lists handed out by a record cannot be changed")
    void immutable() {
        List<Container> mine = new java.util.ArrayList<>(List.of(Container.of("a", "busybox")));
        PodSpec spec = PodSpec.of(mine);
        mine.add(Container.of("b", "busybox"));

        assertThat(spec.containers()).hasSize(1);
        assertThatThrownBy(() -> spec.containers().add(Container.of("c", "busybox")))
                .isInstanceOf(UnsupportedOperationException.class);
    }

    @Test
    @DisplayName("a wither returns a changed copy and leaves the original as it was")
    void withers() {
        Pod pod = nginx();
        Pod bound = pod.withSpec(pod.spec().withNodeName("node-1"));
        Pod upgraded = pod.withSpec(pod.spec().withContainers(
                List.of(pod.spec().containers().get(0).withImage("nginx:1.16.1"))));

        assertThat(pod.spec().nodeName()).isNull();
        assertThat(bound.spec().nodeName()).isEqualTo("node-1");
        assertThat(bound.spec().containers()).isEqualTo(pod.spec().containers());
        assertThat(upgraded.spec().containers().get(0).image()).isEqualTo("nginx:1.16.1");
        assertThat(pod.spec().containers().get(0).image()).isEqualTo("nginx:1.14.2");
    }

    @Test
    @DisplayName("a port given by number stays a number, and by name stays a string")
    void intOrString() throws IOException {
        Pod pod = Json.mapper().readValue("""
                {"spec": {"containers": [{"name": "c",
                  "ports": [{"name": "http", "containerPort": 8080}],
                  "livenessProbe": {"httpGet": {"path": "/healthz", "port": "http"}},
                  "readinessProbe": {"tcpSocket": {"port": 8080}}}]}}""", Pod.class);
        Container c = pod.spec().containers().get(0);

        assertThat(c.livenessProbe().httpGet().port()).isEqualTo(IntOrString.of("http"));
        assertThat(c.readinessProbe().tcpSocket().port()).isEqualTo(IntOrString.of(8080));
        JsonNode back = Json.toTree(pod).path("spec").path("containers").get(0);
        assertThat(back.path("livenessProbe").path("httpGet").path("port").isTextual()).isTrue();
        assertThat(back.path("readinessProbe").path("tcpSocket").path("port").isInt()).isTrue();
    }

    @Test
    @DisplayName("a volume's source sits beside its name, and emptyDir: {} survives the round trip")
    void volumeSourceInline() throws IOException {
        PodSpec spec = PodSpec.of(Container.of("c", "busybox")).withVolumes(List.of(
                Volume.emptyDir("scratch"),
                Volume.hostPath("logs", "/var/log", HostPathType.DIRECTORY),
                Volume.configMap("config", "app-config"),
                Volume.secret("creds", "db-secret"),
                Volume.persistentVolumeClaim("data", "task-pv-claim")));

        JsonNode volumes = Json.toTree(spec).path("volumes");

        assertThat(volumes.get(0).toString()).isEqualTo("{\"name\":\"scratch\",\"emptyDir\":{}}");
        assertThat(volumes.get(1).toString())
                .isEqualTo("{\"name\":\"logs\",\"hostPath\":{\"path\":\"/var/log\",\"type\":\"Directory\"}}");
        assertThat(volumes.get(2).path("configMap").path("name").asText()).isEqualTo("app-config");
        assertThat(volumes.get(3).path("secret").path("secretName").asText()).isEqualTo("db-secret");
        assertThat(volumes.get(4).path("persistentVolumeClaim").path("claimName").asText()).isEqualTo("task-pv-claim");
        assertThat(spec.volumes()).extracting(Volume::sourceType)
                .containsExactly("emptyDir", "hostPath", "configMap", "secret", "persistentVolumeClaim");
        assertThat(Json.fromTree(Json.toTree(spec), PodSpec.class)).isEqualTo(spec);
    }

    @Test
    @DisplayName("resources keep their quantities as written: 500m, 1, 128Mi")
    void resources() throws IOException {
        Container c = Container.of("c", "busybox").withResources(ResourceRequirements.of(
                Map.of("cpu", Quantity.parse("500m")), Map.of("memory", Quantity.parse("128Mi"))));

        assertThat(Json.toJson(c.resources()))
                .isEqualTo("{\"limits\":{\"memory\":\"128Mi\"},\"requests\":{\"cpu\":\"500m\"}}");
    }

    @Test
    @DisplayName("a pod's status prints timestamps as RFC 3339 seconds and reads them back")
    void status() throws IOException {
        PodStatus status = PodStatus.empty()
                .withPhase(PodPhase.RUNNING)
                .withPodIP("10.244.1.5")
                .withPodIPs(List.of(new PodIP("10.244.1.5")))
                .withHostIP("172.18.0.2")
                .withStartTime(T0)
                .withQosClass(PodQOSClass.BEST_EFFORT)
                .withCondition(PodCondition.of(PodConditionType.READY, ConditionStatus.TRUE, T0.plusSeconds(3)))
                .withContainerStatuses(List.of(ContainerStatus.of("nginx", "nginx:1.14.2",
                        ContainerState.running(T0.plusSeconds(2)), true, 0)));
        Pod pod = nginx().withStatus(status);

        String json = Json.toJson(pod.status());

        assertThat(json).contains("\"startTime\":\"2026-01-01T00:00:00Z\"",
                "\"lastTransitionTime\":\"2026-01-01T00:00:03Z\"",
                "\"state\":{\"running\":{\"startedAt\":\"2026-01-01T00:00:02Z\"}}",
                "\"ready\":true", "\"restartCount\":0");
        assertThat(Json.fromBytes(Json.toBytes(pod), Pod.class)).isEqualTo(pod);
    }

    @Test
    @DisplayName("setting a condition replaces the one of the same type in place and keeps the others")
    void withCondition() {
        PodStatus status = PodStatus.empty()
                .withCondition(PodCondition.of(PodConditionType.POD_SCHEDULED, ConditionStatus.TRUE, T0))
                .withCondition(PodCondition.of(PodConditionType.READY, ConditionStatus.FALSE, T0))
                .withCondition(PodCondition.of(PodConditionType.POD_SCHEDULED, ConditionStatus.FALSE, T0));

        assertThat(status.conditions()).extracting(PodCondition::type)
                .containsExactly(PodConditionType.POD_SCHEDULED, PodConditionType.READY);
        assertThat(status.condition(PodConditionType.POD_SCHEDULED).isTrue()).isFalse();
        assertThat(status.condition(PodConditionType.INITIALIZED)).isNull();
    }

    @Test
    @DisplayName("a terminated container keeps its exit code, reason and times")
    void terminated() throws IOException {
        String json = """
                {"name":"debian-container","state":{"terminated":{"exitCode":0,"reason":"Completed",\
                "startedAt":"2026-01-01T00:00:01Z","finishedAt":"2026-01-01T00:00:02Z",\
                "containerID":"containerd://abc"}},"ready":false,"restartCount":0,"image":"debian",\
                "imageID":"docker.io/library/debian@sha256:1","started":false}""";

        ContainerStatus s = Json.mapper().readValue(json, ContainerStatus.class);

        assertThat(s.state().terminated().exitCode()).isZero();
        assertThat(s.state().terminated().reason()).isEqualTo("Completed");
        assertThat(s.lastState()).isNull();
        assertThat(Json.mapper().readTree(Json.toBytes(s))).isEqualTo(Json.mapper().readTree(json));
    }

    @Test
    @DisplayName("an init container with restartPolicy Always is a sidecar, and says so only in Java")
    void sidecar() throws IOException {
        PodSpec spec = Json.mapper().readValue("""
                {"initContainers": [{"name": "log", "image": "busybox", "restartPolicy": "Always"},
                                    {"name": "setup", "image": "busybox"}],
                 "containers": [{"name": "app", "image": "nginx"}]}""", PodSpec.class);

        assertThat(spec.initContainers()).extracting(Container::isSidecar).containsExactly(true, false);
        assertThat(spec.allContainers()).extracting(Container::name).containsExactly("log", "setup", "app");
        assertThat(Json.toJson(spec)).doesNotContain("sidecar");
    }

    @Test
    @DisplayName("metadata helpers are not printed as fields")
    void noHelperFields() {
        Pod pod = nginx().withMetadata(ObjectMeta.of("default", "web").withLabel("app", "web"));

        assertThat(Json.toJson(pod)).doesNotContain("beingDeleted", "controllerRef");
    }
}
