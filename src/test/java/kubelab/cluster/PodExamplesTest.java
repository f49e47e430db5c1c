package kubelab.cluster;

import static kubelab.cluster.Examples.phase;
import static kubelab.cluster.Examples.ready;
import static kubelab.cluster.Examples.restarts;
import static kubelab.cluster.Examples.run;
import static kubelab.cluster.Examples.status;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.cluster.Applier.Outcome;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documentation's Pod examples, run on a three-node cluster, each checked against what the
 * documentation says happens (see k8s-examples/INDEX.md, whose row number each test names).
 */
@Tag("chapter1")
@DisplayName("The documentation's pod examples")
class PodExamplesTest {

    @Test
    @DisplayName("#1 simple-pod: the nginx pod is scheduled to a node and reaches Running 1/1")
    void simplePod() {
        Cluster c = run("pods/simple-pod.yaml");
        c.settle();
        assertThat(status(c, "default", "nginx")).isEqualTo("Running");
        assertThat(ready(c, "default", "nginx")).isEqualTo("1/1");
        assertThat(c.timeline().reasons("pod/nginx"))
                .containsExactly("Scheduled", "Pulling", "Pulled", "Created", "Started");
        Pod pod = c.pod("default", "nginx");
        assertThat(pod.status().podIP()).startsWith("10.244.");
        assertThat(pod.status().hostIP()).isEqualTo(c.node(pod.spec().nodeName()).kubelet().hostIP());
    }

    @Test
    @DisplayName("#2 two-container-pod: debian writes the page and exits 0, not restarted; nginx serves it; READY 1/2")
    void twoContainers() {
        Cluster c = run("pods/two-container-pod.yaml");
        c.settle();
        Pod pod = c.pod("default", "two-containers");
        assertThat(pod.status().phase()).isEqualTo("Running");
        assertThat(ready(c, "default", "two-containers")).isEqualTo("1/2");
        var debian = pod.status().containerStatuses().stream()
                .filter(s -> s.name().equals("debian-container")).findFirst().orElseThrow();
        assertThat(debian.state().terminated().exitCode()).isZero();
        assertThat(debian.restartCount()).isZero();
        var page = c.network().http("GET", pod.status().podIP(), 80, "/", java.util.Map.of());
        assertThat(page.body()).isEqualTo("Hello from the debian container\n");
    }

    @Test
    @DisplayName("#3 shared-volume: the init container writes the page, then nginx serves it from a read-only mount")
    void initContainerWritesPage() {
        Cluster c = run("pods/multi-container/shared-volume.yaml");
        c.settle();
        Pod pod = c.pod("default", "shared-volume-example");
        assertThat(status(c, "default", "shared-volume-example")).isEqualTo("Running");
        assertThat(pod.status().initContainerStatuses().get(0).state().terminated().reason()).isEqualTo("Completed");
        assertThat(c.network().http("GET", pod.status().podIP(), 80, "/", java.util.Map.of()).body())
                .isEqualTo("Hello from the init container\n");
    }

    @Test
    @DisplayName("#4 init-containers: without outbound internet, wget fails, the pod stays in Init:CrashLoopBackOff and nginx never starts")
    void initContainerWithoutInternet() {
        Cluster c = run("pods/init-containers.yaml");
        c.advance(Duration.ofMinutes(3));
        assertThat(status(c, "default", "init-demo")).isIn("Init:CrashLoopBackOff", "Init:Error");
        assertThat(restarts(c, "default", "init-demo")).isGreaterThanOrEqualTo(2);
        assertThat(c.pod("default", "init-demo").status().containerStatuses().get(0).state().waiting().reason())
                .isEqualTo("PodInitializing");
        assertThat(c.previousLogs("default", "init-demo", "install")).contains("wget: bad address 'info.cern.ch'");
    }

    @Test
    @DisplayName("#5 goproxy turns Ready about 15 s after it starts, when the TCP readiness probe first succeeds; no restarts")
    void tcpReadiness() {
        Cluster c = run("pods/probe/tcp-liveness-readiness.yaml");
        c.advance(Duration.ofMinutes(2));
        Pod pod = c.pod("default", "goproxy");
        var container = pod.status().containerStatuses().get(0);
        assertThat(container.ready()).isTrue();
        assertThat(container.restartCount()).isZero();
        var readySince = pod.status().conditions().stream().filter(x -> x.type().equals("Ready")).findFirst()
                .orElseThrow().lastTransitionTime();
        assertThat(Duration.between(container.state().running().startedAt(), readySince)).isEqualTo(Duration.ofSeconds(15));
    }

    @Test
    @DisplayName("#6 exec-liveness: after /tmp/healthy goes, three failed probes get the container killed and restarted")
    void execLiveness() {
        Cluster c = run("pods/probe/exec-liveness.yaml");
        c.advance(Duration.ofSeconds(90));
        assertThat(restarts(c, "default", "liveness-exec")).isEqualTo(1);
        List<String> reasons = c.timeline().reasons("pod/liveness-exec");
        assertThat(reasons).containsSubsequence("Started", "Unhealthy", "Unhealthy", "Unhealthy", "Killing", "Started");
        assertThat(c.timeline().about("pod/liveness-exec")).anySatisfy(e -> assertThat(e.message())
                .isEqualTo("Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory\n"));
        c.advance(Duration.ofMinutes(5));
        assertThat(restarts(c, "default", "liveness-exec")).isGreaterThanOrEqualTo(3);
    }

    @Test
    @DisplayName("#7 http-liveness: /healthz answers 500 after 10 s; after 3 failed probes the container is restarted, again and again")
    void httpLiveness() {
        Cluster c = run("pods/probe/http-liveness.yaml");
        c.advance(Duration.ofMinutes(2));
        assertThat(restarts(c, "default", "liveness-http")).isGreaterThanOrEqualTo(2);
        assertThat(c.timeline().about("pod/liveness-http")).anySatisfy(e -> assertThat(e.message())
                .isEqualTo("Liveness probe failed: HTTP probe failed with statuscode: 500"));
    }

    @Test
    @DisplayName("#8 cpu-request-limit: refused with NotFound until its namespace exists; then Running, QoS Burstable")
    void cpuRequestLimit() {
        Cluster c = Cluster.create();
        Outcome refused = c.apply(Examples.file("pods/resource/cpu-request-limit.yaml")).get(0);
        assertThat(refused.ok()).isFalse();
        assertThat(refused.line()).endsWith("namespaces \"cpu-example\" not found");
        c.apply("apiVersion: v1\nkind: Namespace\nmetadata:\n  name: cpu-example\n");
        c.apply(Examples.file("pods/resource/cpu-request-limit.yaml"));
        c.advance(Duration.ofMinutes(1));
        assertThat(phase(c, "cpu-example", "cpu-demo")).isEqualTo("Running");
        assertThat(c.pod("cpu-example", "cpu-demo").status().qosClass()).isEqualTo("Burstable");
    }

    @Test
    @DisplayName("#9 pod-nginx: Pending with FailedScheduling until a node is labelled disktype=ssd, then bound to that node")
    void nodeSelector() {
        Cluster c = run("pods/pod-nginx.yaml");
        c.settle();
        assertThat(status(c, "default", "nginx")).isEqualTo("Pending");
        Pod pending = c.pod("default", "nginx");
        var scheduled = pending.status().conditions().get(0);
        assertThat(scheduled.reason()).isEqualTo("Unschedulable");
        assertThat(scheduled.message()).startsWith("0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector.");

        var node = c.api().get(kubelab.api.core.Node.class, null, "node-2");
        c.api().update(node.withMetadata(node.metadata().withLabels(java.util.Map.of("disktype", "ssd"))));
        c.settle();
        assertThat(c.pod("default", "nginx").spec().nodeName()).isEqualTo("node-2");
        assertThat(status(c, "default", "nginx")).isEqualTo("Running");
    }

    @Test
    @DisplayName("#13 pod-with-toleration: it tolerates example-key:NoSchedule, so it runs on a node with that taint")
    void toleration() {
        Cluster c = Cluster.builder().nodes(0).build();
        c.apply("apiVersion: v1\nkind: Node\nmetadata:\n  name: tainted\nspec:\n  taints:\n"
                + "  - {key: example-key, value: x, effect: NoSchedule}\n");
        c.apply(Examples.file("pods/pod-with-toleration.yaml"));
        c.settle();
        assertThat(c.pod("default", "nginx").spec().nodeName()).isEqualTo("tainted");
        assertThat(phase(c, "default", "nginx")).isEqualTo("Running");
    }

    @Test
    @DisplayName("#21 pod-configmap-envFrom: every key of special-config becomes an env var; the pod ends Completed")
    void envFrom() {
        Cluster c = run("configmap/configmaps.yaml", "pods/pod-configmap-envFrom.yaml");
        c.settle();
        assertThat(status(c, "default", "dapi-test-pod")).isEqualTo("Completed");
        assertThat(c.logs("default", "dapi-test-pod", "test-container")).contains("special.how=very\n");
    }

    @Test
    @DisplayName("#21 without its ConfigMap, the container cannot be configured: CreateContainerConfigError")
    void envFromMissingConfigMap() {
        Cluster c = run("pods/pod-configmap-envFrom.yaml");
        c.advance(Duration.ofSeconds(30));
        assertThat(status(c, "default", "dapi-test-pod")).isEqualTo("CreateContainerConfigError");
        assertThat(c.timeline().about("pod/dapi-test-pod")).anySatisfy(e -> {
            assertThat(e.type()).isEqualTo(Event.TYPE_WARNING);
            assertThat(e.message()).isEqualTo("Error: configmap \"special-config\" not found");
        });
    }

    @Test
    @DisplayName("#20 pod-configmap-volume: ls /etc/config/ prints one file per key, and the pod ends Completed")
    void configMapVolume() {
        Cluster c = run("configmap/configmaps.yaml", "pods/pod-configmap-volume.yaml");
        c.settle();
        assertThat(status(c, "default", "dapi-test-pod")).isEqualTo("Completed");
        assertThat(c.logs("default", "dapi-test-pod", "test-container")).contains("special.how");
    }

    @Test
    @DisplayName("#23 secret-envars-pod: the container sees the Secret's values decoded")
    void secretEnv() {
        Cluster c = run("pods/inject/secret.yaml", "pods/inject/secret-envars-pod.yaml");
        c.settle();
        var result = c.exec("default", "secret-envars-test-pod", "envars-test-container", "sh", "-c",
                "echo $SECRET_USERNAME $SECRET_PASSWORD");
        assertThat(result.stdout()).isEqualTo("my-app 39528$vdg7Jb\n");
    }

    @Test
    @DisplayName("#46 dotfile-secret: ls -l exits 0 and restartPolicy Always restarts it: Completed, then CrashLoopBackOff")
    void dotfileSecret() {
        Cluster c = run("secret/dotfile-secret.yaml");
        c.advance(Duration.ofMinutes(2));
        assertThat(status(c, "default", "secret-dotfiles-pod")).isIn("CrashLoopBackOff", "Completed");
        assertThat(restarts(c, "default", "secret-dotfiles-pod")).isGreaterThanOrEqualTo(2);
        // ls -l hides dot files: the secret is there, but the documentation's command does not show it.
        assertThat(c.logs("default", "secret-dotfiles-pod", "dotfile-test-container")).isEqualTo("total 0\n");
        Pod pod = c.pod("default", "secret-dotfiles-pod");
        String volume = "/var/lib/kubelet/pods/" + pod.metadata().uid() + "/volumes/kubernetes.io~secret/secret-volume";
        assertThat(c.nodeOf("default", "secret-dotfiles-pod").hostFs().read(volume + "/.secret-file")).isEqualTo("value-2\r\n\r\n");
    }

    @Test
    @DisplayName("an unknown image gives ErrImagePull, then ImagePullBackOff, with the registry's error in the event")
    void unknownImage() {
        Cluster c = Cluster.create();
        c.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: typo\nspec:\n  containers:\n"
                + "  - name: app\n    image: ngnix:1.14.2\n");
        java.util.Set<String> seen = new java.util.LinkedHashSet<>();
        for (int second = 0; second < 60; second++) {
            c.advance(Duration.ofSeconds(1));
            seen.add(status(c, "default", "typo"));
        }
        assertThat(seen).contains("ErrImagePull", "ImagePullBackOff").doesNotContain("Running");
        assertThat(c.timeline().reasons("pod/typo")).containsSubsequence("Pulling", "Failed", "Failed", "BackOff");
        assertThat(c.timeline().about("pod/typo")).anySatisfy(e -> assertThat(e.message())
                .startsWith("Failed to pull image \"ngnix:1.14.2\": ").contains("pull access denied"));
    }
}
