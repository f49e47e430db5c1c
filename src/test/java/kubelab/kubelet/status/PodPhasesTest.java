package kubelab.kubelet.status;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.stream.Stream;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerState;
import kubelab.api.core.ContainerStateTerminated;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.PodSpec;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

@Tag("chapter2")
@DisplayName("A pod's phase follows from its containers and its restartPolicy")
class PodPhasesTest {
    private static final Instant T = Instant.parse("2026-01-01T00:00:00Z");

    private static ContainerStatus running() {
        return ContainerStatus.of("c", "busybox", ContainerState.running(T), true, 0);
    }

    private static ContainerStatus exited(int code) {
        return ContainerStatus.of("c", "busybox", ContainerState.terminated(
                new ContainerStateTerminated(code, null, code == 0 ? "Completed" : "Error", null, T, T, "x://1")), false, 0);
    }

    private static ContainerStatus waiting() {
        return ContainerStatus.of("c", "busybox", ContainerState.waiting("ContainerCreating", null), false, 0);
    }

    static Stream<Arguments> cases() {
        return Stream.of(
                Arguments.of("a waiting container: Pending", "Always", waiting(), "Pending"),
                Arguments.of("a running container: Running", "Always", running(), "Running"),
                Arguments.of("exit 0 under Always: Running (it restarts)", "Always", exited(0), "Running"),
                Arguments.of("exit 0 under OnFailure: Succeeded", "OnFailure", exited(0), "Succeeded"),
                Arguments.of("exit 1 under OnFailure: Running (it restarts)", "OnFailure", exited(1), "Running"),
                Arguments.of("exit 0 under Never: Succeeded", "Never", exited(0), "Succeeded"),
                Arguments.of("exit 1 under Never: Failed", "Never", exited(1), "Failed"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("cases")
    @DisplayName("getPhase")
    void phase(String name, String policy, ContainerStatus status, String phase) {
        PodSpec spec = PodSpec.of(Container.of("c", "busybox")).withRestartPolicy(policy);
        assertThat(PodPhases.getPhase(spec, List.of(), List.of(status), false)).isEqualTo(phase);
    }
}
