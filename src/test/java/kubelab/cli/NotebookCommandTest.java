package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** {@code kubelab notebook}'s argument checks; CI runs the notebooks through it in real Jupyter. */
@Tag("chapter1")
@DisplayName("kubelab notebook")
class NotebookCommandTest {

    @Test
    @DisplayName("notebooks named without --execute are a usage error: the server always opens notebooks/")
    void notebooksNeedExecute() {
        CliRun run = CliRun.of("notebook", "notebooks/01-architecture.ipynb");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("NOTEBOOK arguments go with --execute");
    }

    @Test
    @DisplayName("a notebook that does not exist is named in the error")
    void missingNotebook() {
        CliRun run = CliRun.of("notebook", "--execute", "notebooks/99-nothing.ipynb");
        assertThat(run.exitCode()).isEqualTo(2);
        assertThat(run.err()).contains("no such notebook: notebooks/99-nothing.ipynb");
    }
}
