package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("kubelab bench")
class BenchCommandTest {

    @Test
    @DisplayName("bench measures the store, the API server, fan-out and lists, and routes each pod change to one node watch")
    void smallRun() {
        CliRun run = CliRun.of("bench", "--nodes", "10", "--pods", "200", "--schedule", "50",
                "--cluster-nodes", "3", "--replicas", "20");

        assertThat(run.exitCode()).as("%s", run).isZero();
        assertThat(run.out()).contains("store: create", "api: create pod", "list one node's pods")
                .contains("11 watches open, 2.00 offers per pod change")
                .contains("50 bound; 10 of 10 nodes examined per pod")
                .contains("20 Running after");
    }

    @Test
    @DisplayName("bench refuses sizes below one with a usage error, not a stack trace")
    void badSize() {
        CliRun run = CliRun.of("bench", "--nodes", "0");

        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.out() + run.err()).contains("--nodes, --pods, --schedule, --cluster-nodes and --replicas must be at least 1").doesNotContain("\tat ");
    }
}
