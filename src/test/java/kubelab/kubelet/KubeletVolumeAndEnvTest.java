package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.ConfigMapKeySelector;
import kubelab.api.core.Container;
import kubelab.api.core.DownwardAPIVolumeFile;
import kubelab.api.core.DownwardAPIVolumeSource;
import kubelab.api.core.EnvFromSource;
import kubelab.api.core.EnvVar;
import kubelab.api.core.EnvVarSource;
import kubelab.api.core.ObjectFieldSelector;
import kubelab.api.core.Pod;
import kubelab.api.core.PodPhase;
import kubelab.api.core.Secret;
import kubelab.api.core.SecretEnvSource;
import kubelab.api.core.SecretKeySelector;
import kubelab.api.core.Volume;
import kubelab.api.core.VolumeMount;
import kubelab.runtime.cri.ContainerConfig;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet gives containers their volumes and environment")
class KubeletVolumeAndEnvTest extends KubeletFixture {

    @BeforeEach
    void node() {
        startNode();
        runtime.preload("busybox:1.28");
    }

    private Pod withVolume(String name, Volume volume, String mountPath) {
        Container c = container("test-container", "busybox:1.28").withVolumeMounts(List.of(VolumeMount.of(volume.name(), mountPath)));
        Pod p = pod(name, c);
        return p.withSpec(p.spec().withVolumes(List.of(volume)));
    }

    @Test
    @DisplayName("a missing ConfigMap leaves the pod in ContainerCreating with a FailedMount event, until it exists")
    void missingConfigMap() {
        create(withVolume("cm", Volume.configMap("config-volume", "special-config"), "/etc/config"));
        loop.advance(Duration.ofSeconds(5));

        assertThat(get("cm").status().phase()).isEqualTo(PodPhase.PENDING);
        assertThat(status("cm", "test-container").state().waiting().reason()).isEqualTo("ContainerCreating");
        assertThat(events("cm", "FailedMount")).first().isEqualTo(
                "MountVolume.SetUp failed for volume \"config-volume\" : configmap \"special-config\" not found");
        assertThat(runtime.sandboxCount()).isZero();

        api.create(ConfigMap.of("default", "special-config", Map.of("SPECIAL_LEVEL", "very", "SPECIAL_TYPE", "charm")));
        loop.advance(Duration.ofMinutes(3));

        assertThat(get("cm").status().phase()).isEqualTo(PodPhase.RUNNING);
        String uid = get("cm").metadata().uid();
        String dir = "/var/lib/kubelet/pods/" + uid + "/volumes/kubernetes.io~configmap/config-volume";
        assertThat(hostFs.read(dir + "/SPECIAL_LEVEL")).isEqualTo("very");
        assertThat(runtime.config("cm", "test-container").mounts())
                .containsExactly(new ContainerConfig.Mount("/etc/config", dir, false));
    }

    @Test
    @DisplayName("a secret volume holds the decoded values, one file per key")
    void secretVolume() {
        api.create(Secret.of("default", "mysecret", "Opaque", Map.of("username", "admin", "password", "1f2d1e2e67df")));
        create(withVolume("s", Volume.secret("foo", "mysecret"), "/etc/foo"));
        loop.settle();

        String dir = "/var/lib/kubelet/pods/" + get("s").metadata().uid() + "/volumes/kubernetes.io~secret/foo";
        assertThat(hostFs.read(dir + "/username")).isEqualTo("admin");
        assertThat(hostFs.read(dir + "/password")).isEqualTo("1f2d1e2e67df");
    }

    @Test
    @DisplayName("a downwardAPI volume holds the pod's labels and name")
    void downwardApiVolume() {
        var source = new DownwardAPIVolumeSource(List.of(
                new DownwardAPIVolumeFile("labels", ObjectFieldSelector.of("metadata.labels"), null, null),
                new DownwardAPIVolumeFile("name", ObjectFieldSelector.of("metadata.name"), null, null)), null);
        Volume v = new Volume("podinfo", null, null, null, null, null, null, null, null, null, null, null, null, null,
                null, null, source, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        Pod p = withVolume("dapi", v, "/etc/podinfo");
        create(p.withMetadata(p.metadata().withLabels(Map.of("zone", "us-est-coast", "cluster", "test-cluster1"))));
        loop.settle();

        String dir = "/var/lib/kubelet/pods/" + get("dapi").metadata().uid() + "/volumes/kubernetes.io~downward-api/podinfo";
        assertThat(hostFs.read(dir + "/labels")).isEqualTo("cluster=\"test-cluster1\"\nzone=\"us-est-coast\"");
        assertThat(hostFs.read(dir + "/name")).isEqualTo("dapi");
    }

    @Test
    @DisplayName("a hostPath of type Directory that does not exist fails with Kubernetes' message; DirectoryOrCreate makes it")
    void hostPathTypes() {
        create(withVolume("hp", Volume.hostPath("data", "/data", "Directory"), "/data"));
        create(withVolume("hp2", Volume.hostPath("data", "/var/local/aaa", "DirectoryOrCreate"), "/aaa"));
        loop.advance(Duration.ofSeconds(2));

        assertThat(events("hp", "FailedMount")).first().isEqualTo(
                "MountVolume.SetUp failed for volume \"data\" : hostPath type check failed: /data is not a directory");
        assertThat(hostFs.isDirectory("/var/local/aaa")).isTrue();
        assertThat(get("hp2").status().phase()).isEqualTo(PodPhase.RUNNING);
    }

    @Test
    @DisplayName("an emptyDir lives under the pod's directory and is removed with the pod")
    void emptyDir() {
        create(withVolume("ed", Volume.emptyDir("cache-volume"), "/cache"));
        loop.settle();
        String uid = get("ed").metadata().uid();
        assertThat(hostFs.isDirectory("/var/lib/kubelet/pods/" + uid + "/volumes/kubernetes.io~empty-dir/cache-volume")).isTrue();

        api.delete(Pod.class, "default", "ed");
        loop.settle();
        assertThat(hostFs.exists("/var/lib/kubelet/pods/" + uid)).isFalse();
    }

    @Test
    @DisplayName("a missing ConfigMap in env is a CreateContainerConfigError with Kubernetes' message")
    void envConfigMissing() {
        var ref = new EnvVarSource(null, null, new ConfigMapKeySelector("special-config", "SPECIAL_LEVEL", null), null, null);
        create(pod("env", container("test-container", "busybox:1.28").withEnv(List.of(new EnvVar("SPECIAL_LEVEL_KEY", null, ref)))));
        loop.advance(Duration.ofSeconds(2));

        var waiting = status("env", "test-container").state().waiting();
        assertThat(waiting.reason()).isEqualTo("CreateContainerConfigError");
        assertThat(waiting.message()).isEqualTo("configmap \"special-config\" not found");
        assertThat(events("env", "Failed")).contains("Error: configmap \"special-config\" not found");
    }

    @Test
    @DisplayName("env values expand $(VAR) and come from ConfigMaps, Secrets, envFrom with a prefix, and the downward API")
    void envSources() {
        api.create(ConfigMap.of("default", "special-config", Map.of("SPECIAL_LEVEL", "very")));
        api.create(Secret.of("default", "creds", "Opaque", Map.of("user", "admin")));
        List<EnvVar> env = List.of(
                EnvVar.of("GREETING", "Warm greetings to"),
                EnvVar.of("HONORIFIC", "The Most Honorable"),
                EnvVar.of("MESSAGE", "$(GREETING) $(HONORIFIC) $(NAME) $$(GREETING)"),
                new EnvVar("LEVEL", null, new EnvVarSource(null, null,
                        new ConfigMapKeySelector("special-config", "SPECIAL_LEVEL", null), null, null)),
                new EnvVar("USER", null, new EnvVarSource(null, null, null, new SecretKeySelector("creds", "user", null), null)),
                new EnvVar("MY_POD_IP", null, new EnvVarSource(ObjectFieldSelector.of("status.podIP"), null, null, null, null)),
                new EnvVar("MY_NODE_NAME", null, new EnvVarSource(ObjectFieldSelector.of("spec.nodeName"), null, null, null, null)));
        Container c = container("c", "busybox:1.28").withEnv(env);
        c = new Container(c.name(), c.image(), null, null, null, null,
                List.of(new EnvFromSource("SECRET_", null, new SecretEnvSource("creds", null))), c.env(), null, null,
                null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
        create(pod("envs", c));
        loop.settle();

        Map<String, String> envs = runtime.config("envs", "c").envs();
        assertThat(envs).containsEntry("MESSAGE", "Warm greetings to The Most Honorable $(NAME) $(GREETING)")
                .containsEntry("LEVEL", "very").containsEntry("USER", "admin").containsEntry("SECRET_user", "admin")
                .containsEntry("MY_POD_IP", get("envs").status().podIP()).containsEntry("MY_NODE_NAME", NODE);
    }
}
