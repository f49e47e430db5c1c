package kubelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.Pod;
import kubelab.cluster.Cluster;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Live diagrams")
class DiagramsTest {
    private static final Path EXAMPLES = Path.of(System.getProperty("kubelab.shared", "../shared"), "k8s-examples");

    private final Cluster cluster = Cluster.create();

    @AfterEach
    void noSink() {
        Display.sendTo(null);
    }

    private Cluster withDeployment() {
        cluster.apply(EXAMPLES.resolve("controllers/nginx-deployment.yaml"));
        cluster.settle();
        return cluster;
    }

    @Test
    @DisplayName("the topology draws each node with the pods bound to it")
    void topology() {
        String m = Diagrams.topology(withDeployment());
        assertThat(m).startsWith("flowchart TB\n").contains("subgraph node_node_1[\"node node-1\"]");
        for (Pod pod : cluster.pods("default")) {
            assertThat(m).contains("[\"" + pod.name() + "<br/>Running\"]");
        }
    }

    @Test
    @DisplayName("a pod's life is the sequence of its Events, from the components that reported them")
    void life() {
        String pod = "pod/" + withDeployment().pods("default").get(0).name();
        String m = Diagrams.life(cluster.timeline(), pod);
        assertThat(m).startsWith("sequenceDiagram\n")
                .contains("participant c_default_scheduler as default-scheduler")
                .contains("participant c_kubelet as kubelet")
                .containsSubsequence("->>obj: 0s Scheduled: ", "->>obj: 5.9s Started: Started container nginx");
    }

    @Test
    @DisplayName("ownership runs from the Deployment to its ReplicaSet to its Pods")
    void ownership() {
        String m = Diagrams.ownership(withDeployment(), "default");
        assertThat(m.lines().filter(l -> l.contains(" --> ")).count()).isEqualTo(1 + 3);
        assertThat(m).contains("[\"deployment/nginx-deployment\"]");
    }

    @Test
    @DisplayName("in Jupyter a Mermaid diagram goes out as a mermaid-fenced markdown display, with its source as plain text")
    void mermaidDisplay() {
        List<DisplayData> shown = new ArrayList<>();
        Display.sendTo(shown::add);
        Display.mermaid("flowchart LR\n  a --> b\n");
        assertThat(shown).singleElement().satisfies(d -> {
            assertThat(d.getData(MIMEType.TEXT_MARKDOWN)).isEqualTo("```mermaid\nflowchart LR\n  a --> b\n```\n");
            assertThat(d.getData(MIMEType.TEXT_PLAIN)).isEqualTo("flowchart LR\n  a --> b\n");
        });
    }
}
