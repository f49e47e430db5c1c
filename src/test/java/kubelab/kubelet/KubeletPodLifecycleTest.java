package kubelab.kubelet;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.RestartPolicy;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("The kubelet runs a pod through the CRI")
class KubeletPodLifecycleTest extends KubeletFixture {

    @BeforeEach
    void node() {
        startNode();
    }

    @Test
    @DisplayName("a pod's image is pulled, its container created and started, and the pod becomes Running and Ready")
    void podRuns() {
        Pod created = create(pod("nginx", container("nginx", "nginx:1.14.2")));
        loop.settle();

        Pod pod = get("nginx");
        assertThat(pod.status().phase()).isEqualTo(PodPhase.RUNNING);
        assertThat(pod.status().podIP()).startsWith("10.244.1.");
        assertThat(pod.status().hostIP()).isEqualTo("192.168.0.11");
        assertThat(pod.status().startTime()).isEqualTo(loop.clock().now().minusSeconds(1).truncatedTo(java.time.temporal.ChronoUnit.SECONDS));
        assertThat(pod.status().qosClass()).isEqualTo("BestEffort");
        assertThat(pod.status().conditions()).extracting(PodCondition::type, PodCondition::status).containsExactly(
                org.assertj.core.groups.Tuple.tuple(PodConditionType.POD_READY_TO_START_CONTAINERS, "True"),
                org.assertj.core.groups.Tuple.tuple(PodConditionType.INITIALIZED, "True"),
                org.assertj.core.groups.Tuple.tuple(PodConditionType.READY, "True"),
                org.assertj.core.groups.Tuple.tuple(PodConditionType.CONTAINERS_READY, "True"),
                org.assertj.core.groups.Tuple.tuple(PodConditionType.POD_SCHEDULED, "True"));
        ContainerStatus nginx = status("nginx", "nginx");
        assertThat(nginx.state().running()).isNotNull();
        assertThat(nginx.ready()).isTrue();
        assertThat(nginx.started()).isTrue();
        assertThat(nginx.restartCount()).isZero();
        assertThat(nginx.containerID()).startsWith("fakeruntime://");
        assertThat(nginx.imageID()).startsWith("sha256:");
        assertThat(events("nginx")).containsExactly(
                "Pulling: Pulling image \"nginx:1.14.2\"",
                "Pulled: Successfully pulled image \"nginx:1.14.2\" in 1s (1s including waiting). Image size: 1000012 bytes.",
                "Created: Created container: nginx",
                "Started: Started container nginx");
        assertThat(probes.calls).contains("addPod nginx", "containerStarted nginx");
        assertThat(created.metadata().uid()).isEqualTo(pod.metadata().uid());
    }

    @Test
    @DisplayName("while its image is pulled a container waits in ContainerCreating and the pod is Pending")
    void containerCreating() {
        create(pod("nginx", container("nginx", "nginx:1.14.2")));
        loop.advance(Duration.ofMillis(500));

        assertThat(get("nginx").status().phase()).isEqualTo(PodPhase.PENDING);
        assertThat(status("nginx", "nginx").state().waiting().reason()).isEqualTo("ContainerCreating");
        PodCondition ready = get("nginx").status().condition(PodConditionType.READY);
        assertThat(ready.reason()).isEqualTo("ContainersNotReady");
        assertThat(ready.message()).isEqualTo("containers with unready status: [nginx]");
    }

    @Test
    @DisplayName("an image already on the node is not pulled again under IfNotPresent")
    void imagePresent() {
        runtime.preload("nginx:1.14.2");
        create(pod("nginx", container("nginx", "nginx:1.14.2")));
        loop.settle();

        assertThat(runtime.pulls).isEmpty();
        assertThat(events("nginx", "Pulled")).containsExactly("Container image \"nginx:1.14.2\" already present on machine");
    }

    @Test
    @DisplayName("an image tagged :latest is pulled every time (imagePullPolicy Always)")
    void latestAlwaysPulled() {
        runtime.preload("busybox:latest");
        create(pod("bb", container("bb", "busybox:latest")));
        loop.settle();

        assertThat(runtime.pulls).containsExactly("busybox:latest");
    }

    @Test
    @DisplayName("init containers start one at a time, in order, and the app containers only after them")
    void initContainers() {
        Pod p = pod("myapp", container("app", "busybox:1.28"));
        create(p.withSpec(p.spec().withInitContainers(List.of(container("init-myservice", "busybox:1.28"),
                container("init-mydb", "busybox:1.28")))));
        loop.settle();

        assertThat(runtime.isRunning("myapp", "init-myservice")).isTrue();
        assertThat(runtime.config("myapp", "init-mydb")).isNull();
        assertThat(get("myapp").status().phase()).isEqualTo(PodPhase.PENDING);
        PodCondition init = get("myapp").status().condition(PodConditionType.INITIALIZED);
        assertThat(init.status()).isEqualTo("False");
        assertThat(init.reason()).isEqualTo("ContainersNotInitialized");
        assertThat(init.message()).isEqualTo("containers with incomplete status: [init-myservice init-mydb]");
        assertThat(status("myapp", "app").state().waiting().reason()).isEqualTo("PodInitializing");

        runtime.exit("myapp", "init-myservice", 0);
        loop.settle();
        assertThat(runtime.isRunning("myapp", "init-mydb")).isTrue();
        assertThat(runtime.config("myapp", "app")).isNull();

        runtime.exit("myapp", "init-mydb", 0);
        loop.settle();
        assertThat(runtime.isRunning("myapp", "app")).isTrue();
        assertThat(get("myapp").status().phase()).isEqualTo(PodPhase.RUNNING);
        assertThat(get("myapp").status().condition(PodConditionType.INITIALIZED).status()).isEqualTo("True");
        assertThat(status("myapp", "init-mydb").state().terminated().reason()).isEqualTo("Completed");
        assertThat(api.list(kubelab.api.core.Event.class, "default").items())
                .filteredOn(e -> e.reason().equals("Started")).extracting(e -> e.involvedObject().fieldPath())
                .containsExactly("spec.initContainers{init-myservice}", "spec.initContainers{init-mydb}", "spec.containers{app}");
    }

    @Test
    @DisplayName("a failed init container with restartPolicy Never fails the pod")
    void initFailsNever() {
        Pod p = pod("once", container("app", "busybox:1.28"));
        create(p.withSpec(p.spec().withInitContainers(List.of(container("init", "busybox:1.28")))
                .withRestartPolicy(RestartPolicy.NEVER)));
        loop.settle();
        runtime.exit("once", "init", 1);
        loop.settle();

        assertThat(get("once").status().phase()).isEqualTo(PodPhase.FAILED);
        assertThat(runtime.config("once", "app")).isNull();
        assertThat(status("once", "init").state().terminated().exitCode()).isEqualTo(1);
    }

    @Test
    @DisplayName("a failed init container under restartPolicy Always is retried and the pod stays Pending")
    void initRetried() {
        Pod p = pod("retry", container("app", "busybox:1.28"));
        create(p.withSpec(p.spec().withInitContainers(List.of(container("init", "busybox:1.28")))));
        loop.settle();
        runtime.exit("retry", "init", 1);
        loop.settle();

        assertThat(runtime.isRunning("retry", "init")).isTrue();
        assertThat(status("retry", "init").restartCount()).isEqualTo(1);
        assertThat(get("retry").status().phase()).isEqualTo(PodPhase.PENDING);
    }

    @Test
    @DisplayName("a container that exits 0 under restartPolicy OnFailure is not restarted and the pod Succeeds")
    void onFailureSucceeds() {
        Pod p = pod("job", container("pi", "perl:5.34.0"));
        create(p.withSpec(p.spec().withRestartPolicy(RestartPolicy.ON_FAILURE)));
        loop.settle();
        runtime.exit("job", "pi", 0);
        loop.settle();

        Pod pod = get("job");
        assertThat(pod.status().phase()).isEqualTo(PodPhase.SUCCEEDED);
        assertThat(pod.status().condition(PodConditionType.READY).reason()).isEqualTo("PodCompleted");
        assertThat(status("job", "pi").state().terminated().reason()).isEqualTo("Completed");
        assertThat(status("job", "pi").restartCount()).isZero();
        assertThat(runtime.listPodSandbox()).allMatch(s -> s.state() == kubelab.runtime.cri.PodSandboxStatus.State.SANDBOX_NOTREADY);
    }

    @Test
    @DisplayName("a container that fails under restartPolicy Never is not restarted and the pod Fails")
    void neverFails() {
        Pod p = pod("never", container("c", "busybox:1.28"));
        create(p.withSpec(p.spec().withRestartPolicy(RestartPolicy.NEVER)));
        loop.settle();
        runtime.exit("never", "c", 2);
        loop.advance(Duration.ofMinutes(1));

        assertThat(get("never").status().phase()).isEqualTo(PodPhase.FAILED);
        assertThat(status("never", "c").state().terminated().exitCode()).isEqualTo(2);
        assertThat(status("never", "c").state().terminated().reason()).isEqualTo("Error");
        assertThat(runtime.containerCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("app containers start together once the sandbox is up: each gets the pod's IP")
    void twoContainers() {
        create(pod("two", container("a", "nginx:1.14.2"), container("b", "busybox:1.28")));
        loop.settle();

        assertThat(runtime.isRunning("two", "a")).isTrue();
        assertThat(runtime.isRunning("two", "b")).isTrue();
        assertThat(runtime.sandboxCount()).isEqualTo(1);
        assertThat(get("two").status().podIPs()).hasSize(1);
    }

    @Test
    @DisplayName("the kubelet only runs pods bound to its own node")
    void onlyOwnPods() {
        Container c = container("c", "nginx:1.14.2");
        api.create(pod("elsewhere", c).withSpec(pod("elsewhere", c).spec().withNodeName("node-2")));
        api.create(pod("unscheduled", c));
        loop.settle();

        assertThat(runtime.sandboxCount()).isZero();
        assertThat(get("elsewhere").status().phase()).isNotEqualTo(PodPhase.RUNNING);
    }
}
