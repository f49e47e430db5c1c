package kubelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.runtime.CriCall;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CRI calls a kubelet makes over a pod's life, in the order it makes them. */
@Tag("chapter1")
@DisplayName("The kubelet's CRI calls")
class CriCallsTest {

    static final String POD = """
            apiVersion: v1
            kind: Pod
            metadata: {name: web}
            spec:
              initContainers:
              - {name: setup, image: busybox:1.28, command: [sh, -c, "echo ready"]}
              containers:
              - {name: nginx, image: nginx:1.14.2}
            """;

    @Test
    @DisplayName("the kubelet creates the sandbox before any container, and init containers before app containers, through the CRI")
    void lifeInCriCalls() {
        Cluster c = Cluster.builder().nodes(1).build();
        c.apply(POD);
        c.settle();
        var log = c.node("node-1").criCalls();

        assertThat(log.methods("default", "web")).containsExactly(
                "RunPodSandbox",
                "ImageStatus", "PullImage", "ImageStatus", "CreateContainer", "StartContainer",
                "ImageStatus", "PullImage", "ImageStatus", "CreateContainer", "StartContainer");
        List<String> started = log.forPod("default", "web").stream()
                .filter(call -> call.method().equals("StartContainer")).map(CriCall::container).toList();
        assertThat(started).containsExactly("setup", "nginx");
    }

    @Test
    @DisplayName("deleting a pod stops its containers, then stops and removes its sandbox")
    void deletion() {
        Cluster c = Cluster.builder().nodes(1).build();
        c.apply(POD);
        c.settle();
        int before = c.node("node-1").criCalls().forPod("default", "web").size();
        c.deletePod("default", "web");
        c.settle();
        var after = c.node("node-1").criCalls().methods("default", "web");
        assertThat(after.subList(before, after.size()))
                .containsSubsequence("StopContainer", "StopPodSandbox", "RemovePodSandbox")
                .doesNotContain("RunPodSandbox", "CreateContainer");
    }

    @Test
    @DisplayName("the log is a ring: it keeps the newest calls and counts the ones it forgot")
    void bounded() {
        var clock = new kubelab.time.SimulatedLoop(1);
        var log = new kubelab.runtime.CriCallLog(clock.clock(), clock.now(), 2);
        var runtime = new kubelab.runtime.SimulatedRuntime(clock, "n", new kubelab.runtime.shell.MemoryFs(),
                new kubelab.runtime.net.SimulatedPodNetwork(), kubelab.runtime.images.ImageCatalogue.standard());
        var cri = kubelab.runtime.RecordingRuntimeService.of(runtime, log);
        cri.imageStatus(new kubelab.runtime.cri.ImageSpec("a"));
        cri.imageStatus(new kubelab.runtime.cri.ImageSpec("b"));
        cri.imageStatus(new kubelab.runtime.cri.ImageSpec("c"));
        assertThat(log.all()).extracting(CriCall::image).containsExactly("b", "c");
        assertThat(log.recorded()).isEqualTo(3);
    }
}
