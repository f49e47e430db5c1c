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
        var m = Diagrams.topology(withDeployment());
        assertThat(m).startsWith("flowchart TB\n").contains("subgraph node_node_1[\"node node-1\"]");
        for (Pod pod : cluster.pods("default")) {
            assertThat(m).contains("[\"" + pod.name() + "<br/>Running\"]");
        }
    }

    @Test
    @DisplayName("a pod's life is the sequence of its Events, from the components that reported them")
    void life() {
        String pod = "pod/" + withDeployment().pods("default").get(0).name();
        var m = Diagrams.life(cluster.timeline(), pod);
        assertThat(m).startsWith("sequenceDiagram\n")
                .contains("participant c_default_scheduler as default-scheduler")
                .contains("participant c_kubelet as kubelet")
                .containsSubsequence("->>obj: 0s Scheduled: ", "->>obj: 5.9s Started: Started container nginx");
    }

    @Test
    @DisplayName("ownership runs from the Deployment to its ReplicaSet to its Pods")
    void ownership() {
        var m = Diagrams.ownership(withDeployment(), "default");
        assertThat(m.lines().filter(l -> l.contains(" --> ")).count()).isEqualTo(1 + 3);
        assertThat(m).contains("[\"deployment/nginx-deployment\"]");
    }

    @Test
    @DisplayName("in Jupyter a Mermaid diagram is one display: HTML that draws it in the Notebook page, a mermaid fence, and its source")
    void mermaidDisplay() {
        List<DisplayData> shown = new ArrayList<>();
        Display.sendTo(shown::add);
        Display.mermaid("flowchart LR\n  a --> b\n");
        assertThat(shown).singleElement().satisfies(d -> {
            assertThat(d.getData(MIMEType.TEXT_HTML).toString())
                    .contains("<pre class=\"mermaid\">flowchart LR\n  a --&gt; b\n</pre>")
                    .contains("document.body.dataset.baseUrl").contains("'static/kubelab/mermaid.min.js'")
                    .contains("w.define = undefined"); // require.js must not see mermaid's bundled UMD modules
            assertThat(d.getData(MIMEType.TEXT_MARKDOWN)).isEqualTo("```mermaid\nflowchart LR\n  a --> b\n```\n");
            assertThat(d.getData(MIMEType.TEXT_PLAIN)).isEqualTo("flowchart LR\n  a --> b\n");
        });
    }

    @Test
    @DisplayName("a diagram reads as its Mermaid source, and shows as the same bundle Display.mermaid sends")
    void diagramIsText() {
        var d = new Diagram("flowchart LR\n  a --> b\n");
        assertThat(d.contains("a --> b")).isTrue();
        assertThat(d.lines()).containsExactly("flowchart LR", "  a --> b");
        assertThat(d.toString()).isEqualTo("flowchart LR\n  a --> b\n");
        List<DisplayData> shown = new ArrayList<>();
        Display.sendTo(shown::add);
        Display.mermaid(d);
        assertThat(shown).singleElement().extracting(x -> x.getData(MIMEType.TEXT_HTML)).isEqualTo(d.mimeBundle().get("text/html"));
    }

    @Test
    @DisplayName("outside Jupyter a diagram prints its source, so a cell means the same in a terminal")
    void printedOutsideJupyter() {
        var out = new java.io.ByteArrayOutputStream();
        var was = System.out;
        System.setOut(new java.io.PrintStream(out, true, java.nio.charset.StandardCharsets.UTF_8));
        try {
            Display.mermaid(new Diagram("flowchart LR\n  a --> b\n"));
        } finally {
            System.setOut(was);
        }
        assertThat(out.toString(java.nio.charset.StandardCharsets.UTF_8)).isEqualTo("flowchart LR\n  a --> b\n");
    }
}
