package kubelab.notebook;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The chapters' diagrams")
class DiagramFilesTest {
    private static final Path DIAGRAMS = Path.of("diagrams");

    @Test
    @DisplayName("every diagram in diagrams/ has a rendered picture of its current source (else: ./kubelab diagrams)")
    void everyDiagramDrawn() throws IOException {
        List<Path> sources;
        try (Stream<Path> files = Files.list(DIAGRAMS)) {
            sources = files.filter(p -> p.toString().endsWith(".mmd")).sorted().toList();
        }
        assertThat(sources).isNotEmpty();
        for (Path mmd : sources) {
            Path svg = mmd.resolveSibling(mmd.getFileName().toString().replaceFirst("\\.mmd$", ".svg"));
            assertThat(svg).as("%s has no picture: run ./kubelab diagrams and commit the SVG", mmd).isRegularFile();
            String picture = Files.readString(svg);
            assertThat(picture).as("%s is an SVG", svg).contains("<svg");
            assertThat(DiagramFiles.stampOf(picture)).as("%s was drawn from an older %s: run ./kubelab diagrams", svg, mmd)
                    .contains(DiagramFiles.sha256(Files.readString(mmd)));
        }
    }

    @Test
    @DisplayName("a picture's stamp names the hash of the source it was drawn from, and a redraw replaces it")
    void stamp() {
        String once = DiagramFiles.stamp("<svg></svg>", "diagrams/x.mmd", "flowchart LR\n  a --> b\n");
        assertThat(DiagramFiles.stampOf(once)).contains(DiagramFiles.sha256("flowchart LR\n  a --> b\n"));
        String twice = DiagramFiles.stamp(once, "diagrams/x.mmd", "flowchart LR\n  a --> c\n");
        assertThat(twice).endsWith("-->\n<svg></svg>").containsOnlyOnce("kubelab-source-sha256");
        assertThat(DiagramFiles.stampOf(twice)).contains(DiagramFiles.sha256("flowchart LR\n  a --> c\n"));
        assertThat(DiagramFiles.stampOf("<svg></svg>")).isEmpty();
    }
}
