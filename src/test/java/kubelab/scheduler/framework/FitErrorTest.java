package kubelab.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.Map;
import kubelab.scheduler.framework.Status.Code;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class FitErrorTest {

    @Test
    @DisplayName("the unschedulable message reads like Kubernetes'")
    void readsLikeKubernetes() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        statuses.put("node-1", Status.of(Code.Unschedulable, "Insufficient cpu"));
        statuses.put("node-2", Status.of(Code.UnschedulableAndUnresolvable,
                "node(s) had untolerated taint {dedicated: batch}"));
        statuses.put("node-3", Status.of(Code.Unschedulable, "Insufficient cpu"));

        assertThat(FitError.of(null, 3, statuses).message()).isEqualTo(
                "0/3 nodes are available: 1 node(s) had untolerated taint {dedicated: batch}, 2 Insufficient cpu.");
    }

    @Test
    @DisplayName("a node short of two resources counts under both reasons")
    void eachReasonCounts() {
        Map<String, Status> statuses = Map.of(
                "a", Status.of(Code.Unschedulable, "Insufficient cpu", "Insufficient memory"),
                "b", Status.of(Code.Unschedulable, "Insufficient memory"));

        assertThat(FitError.of(null, 2, statuses).message())
                .isEqualTo("0/2 nodes are available: 1 Insufficient cpu, 2 Insufficient memory.");
    }

    @Test
    @DisplayName("the counts sort as text, so 10 comes before 9")
    void sortsAsText() {
        Map<String, Status> statuses = new LinkedHashMap<>();
        for (int i = 0; i < 10; i++) {
            statuses.put("cpu-" + i, Status.of(Code.Unschedulable, "Insufficient cpu"));
        }
        for (int i = 0; i < 9; i++) {
            statuses.put("tainted-" + i, Status.of(Code.UnschedulableAndUnresolvable,
                    "node(s) didn't match Pod's node affinity/selector"));
        }

        assertThat(FitError.of(null, 19, statuses).message()).isEqualTo(
                "0/19 nodes are available: 10 Insufficient cpu, 9 node(s) didn't match Pod's node affinity/selector.");
    }

    @Test
    @DisplayName("a PreFilter rejection replaces the per-node counts; a preemption message comes last")
    void preFilterAndPostFilter() {
        FitError error = new FitError(null, 3,
                Map.of("a", Status.of(Code.Unschedulable, "Insufficient cpu")),
                "node(s) didn't satisfy plugin(s) [Example]",
                "preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");

        assertThat(error.message()).isEqualTo("0/3 nodes are available: node(s) didn't satisfy plugin(s) [Example]."
                + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.");
    }

    @Test
    @DisplayName("with no cluster nodes the message is just the count")
    void noNodes() {
        assertThat(FitError.of(null, 0, Map.of()).message()).isEqualTo("0/0 nodes are available:");
    }
}
