package kubelab.scheduler.explain;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Collections;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The decision log")
class DecisionLogTest {
    private static SchedulingDecision decision(String name, int nodes) {
        List<NodeDecision> rows = Collections.nCopies(nodes, NodeDecision.notExamined("node"));
        return new SchedulingDecision("default", name, "default-scheduler", 1, Instant.EPOCH, 1, nodes, rows,
                null, SchedulingDecision.UNSCHEDULABLE, "");
    }

    @Test
    @DisplayName("it keeps the last decision per pod and forgets the oldest pods beyond its capacity")
    void capacity() {
        DecisionLog log = new DecisionLog(2);
        log.record(decision("a", 3));
        log.record(decision("b", 3));
        log.record(decision("a", 3));
        log.record(decision("c", 3));
        assertThat(log.last("default", "b")).isEmpty();
        assertThat(log.last("default", "a")).isPresent();
        assertThat(log.size()).isEqualTo(2);
    }

    @Test
    @DisplayName("it also bounds the total number of node rows, so big clusters keep fewer pods")
    void rows() {
        DecisionLog log = new DecisionLog(100, 10);
        log.record(decision("a", 5));
        log.record(decision("b", 5));
        log.record(decision("c", 5));
        assertThat(log.last("default", "a")).isEmpty();
        assertThat(log.size()).isEqualTo(2);
    }
}
