package kubelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import io.github.spencerpark.jupyter.kernel.display.mime.MIMEType;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The course's Jupyter kernel, driven directly (CI also runs the notebooks through real Jupyter). */
@Tag("chapter1")
@DisplayName("The KubeLab Jupyter kernel")
class KubeLabKernelTest {
    private final KubeLabKernel kernel = new KubeLabKernel();

    @AfterEach
    void shutDown() {
        kernel.onShutdown(false);
    }

    @Test
    @DisplayName("a cell's last expression is its result, with the course's imports already there")
    void result() throws Exception {
        assertThat(kernel.eval("var loop = new SimulatedLoop(1);\nloop.now()").getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN))
                .isEqualTo("2026-01-01T00:00:00Z");
    }

    @Test
    @DisplayName("a cell that does not compile fails with the line, within the cell, and the compiler's words")
    void compileError() {
        assertThatThrownBy(() -> kernel.eval("int x = 1;\nString s = x;"))
                .isInstanceOf(KubeLabKernel.CellFailed.class)
                .satisfies(e -> assertThat(kernel.formatError((Exception) e)).singleElement().asString()
                        .startsWith("line 2: ").contains("incompatible types"));
    }

    @Test
    @DisplayName("a failed check is an error of the cell, so a notebook run in Jupyter stops there")
    void failedCheck() {
        assertThatThrownBy(() -> kernel.eval("throw new IllegalStateException(\"expected 3 pods\");"))
                .isInstanceOf(KubeLabKernel.CellFailed.class)
                .hasMessageContaining("expected 3 pods");
    }

    @Test
    @DisplayName("Tab completes names from JShell's source analysis; Shift-Tab shows signatures")
    void completionAndInspection() {
        var options = kernel.complete("Cluster.cre", "Cluster.cre".length());
        assertThat(options.getReplacements()).containsExactly("create()"); // no arguments: JShell closes the call
        assertThat(options.getSourceStart()).isEqualTo("Cluster.".length());
        assertThat(kernel.inspect("Cluster.create(", "Cluster.create(".length(), false)
                .getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN).toString())
                .contains("Cluster Cluster.create()");
    }

    @Test
    @DisplayName("an interrupt stops a cell that would never end, and the cell fails as interrupted")
    void interrupt() throws Exception {
        Exception[] failure = new Exception[1];
        Thread cell = new Thread(() -> {
            try {
                kernel.eval("while (true) { Thread.onSpinWait(); }");
            } catch (Exception e) {
                failure[0] = e;
            }
        });
        cell.start();
        // The interrupt may come before the cell starts running: send it until the cell is over.
        for (int i = 0; i < 600 && cell.isAlive(); i++) {
            kernel.interrupt();
            cell.join(100);
        }
        assertThat(cell.isAlive()).isFalse();
        assertThat(failure[0]).isInstanceOf(KubeLabKernel.CellFailed.class).hasMessageContaining("interrupted");
        assertThat(kernel.eval("1 + 1").getData(io.github.spencerpark.jupyter.kernel.display.mime.MIMEType.TEXT_PLAIN))
                .isEqualTo("2"); // the session goes on
    }

    @Test
    @DisplayName("a diagram as a cell's value shows as a picture: the same bundle as Display.mermaid")
    void diagramValue() throws Exception {
        var data = kernel.eval("new Diagram(\"flowchart LR\\n  a --> b\")");
        assertThat(data.getData(MIMEType.TEXT_HTML).toString()).contains("<pre class=\"mermaid\">flowchart LR");
        assertThat(data.getData(MIMEType.TEXT_MARKDOWN)).isEqualTo("```mermaid\nflowchart LR\n  a --> b\n```\n");
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo("flowchart LR\n  a --> b\n");
    }

    @Test
    @DisplayName("a value that knows its MIME bundle shows as that bundle")
    void displayableValue() throws Exception {
        var data = kernel.eval("""
                class Badge implements kubelab.notebook.Displayable {
                    public Map<String, String> mimeBundle() {
                        return Map.of("text/html", "<b>Ready</b>", "text/plain", "Ready");
                    }
                }
                new Badge()""");
        assertThat(data.getData(MIMEType.TEXT_HTML)).isEqualTo("<b>Ready</b>");
        assertThat(data.getData(MIMEType.TEXT_PLAIN)).isEqualTo("Ready");
    }

    @Test
    @DisplayName("a String value shows as its text, without quotes; other values as their toString")
    void plainValues() throws Exception {
        var text = kernel.eval("\"line one\\nline two\"");
        assertThat(text.getData(MIMEType.TEXT_PLAIN)).isEqualTo("line one\nline two");
        assertThat(text.hasDataForType(MIMEType.TEXT_HTML)).isFalse();
        assertThat(kernel.eval("List.of(1, 2)").getData(MIMEType.TEXT_PLAIN)).isEqualTo("[1, 2]");
        assertThat(kernel.eval("int x = 3;")).isNull(); // a declaration has no value to show
    }

    @Test
    @DisplayName("the kernel spec starts this kernel with this JVM's class path and Jupyter's connection file")
    void kernelSpec(@TempDir Path dir) throws Exception {
        KernelSpec.write(dir);
        JsonNode spec = Json.mapper().readTree(Files.readString(dir.resolve("kernels/kubelab-java/kernel.json")));
        assertThat(spec.get("argv").get(3).asText()).isEqualTo("kubelab.notebook.KubeLabKernel");
        assertThat(spec.get("argv").get(4).asText()).isEqualTo("{connection_file}");
        assertThat(spec.get("argv").get(2).asText()).contains("classes");
        assertThat(spec.get("language").asText()).isEqualTo("java");
    }
}
