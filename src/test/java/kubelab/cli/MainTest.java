package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.concurrent.Callable;
import kubelab.api.serialization.ManifestException;
import kubelab.apiserver.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code kubelab} command itself: help that says what KubeLab is and lists the commands, a
 * version, kubectl's exit codes, and the line between a user's mistake and a bug.
 */
@Tag("chapter1")
class MainTest {

    @Test
    @DisplayName("kubelab --help says what KubeLab is and lists the commands")
    void help() {
        CliRun run = CliRun.of("--help");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).as("%s", run)
                .startsWith("Usage: kubelab [-hV] COMMAND")
                .contains("KubeLab is a small, faithful Kubernetes")
                .containsPattern("\n  validate +Check manifests")
                .containsPattern("\n  help +Display help");
    }

    @Test
    @DisplayName("kubelab help, and kubelab with no command, print the same help")
    void helpCommand() {
        assertThat(CliRun.of("help").out()).isEqualTo(CliRun.of("--help").out());
        assertThat(CliRun.of().out()).isEqualTo(CliRun.of("--help").out());
        assertThat(CliRun.of().exitCode()).isZero();
    }

    @Test
    @DisplayName("kubelab help validate describes the validate command")
    void helpForACommand() {
        CliRun run = CliRun.of("help", "validate");

        assertThat(run.exitCode()).isZero();
        assertThat(run.out()).startsWith("Usage: kubelab validate [-h] FILE...").contains("dry-run", "Exit status");
        assertThat(CliRun.of("validate", "--help").out()).isEqualTo(run.out());
    }

    @Test
    @DisplayName("kubelab --version names KubeLab's version and the Java running it")
    void version() {
        CliRun run = CliRun.of("--version");

        assertThat(run.exitCode()).isZero();
        assertThat(run.outLines()).hasSize(2);
        assertThat(run.outLines().get(0)).startsWith("kubelab ");
        assertThat(run.outLines().get(1)).startsWith("Java " + System.getProperty("java.version"));
    }

    @Test
    @DisplayName("a usage error prints the problem and the synopsis, and exits with 2 as kubectl does")
    void usageError() {
        CliRun run = CliRun.of("validate");

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.out()).isEmpty();
        assertThat(run.err().lines().toList()).containsExactly(
                "error: Missing required parameter: 'FILE'",
                "Usage: kubelab validate [-h] FILE...",
                "Run 'kubelab validate --help' for more.");
    }

    @Test
    @DisplayName("a misspelt command gets a suggestion")
    void suggestion() {
        CliRun run = CliRun.of("validat", "x.yaml");

        assertThat(run.exitCode()).isEqualTo(Main.EXIT_USAGE);
        assertThat(run.err()).contains("Did you mean: kubelab validate?");
    }

    // ---- errors out of a command --------------------------------------------------------------

    /** A verb that fails the way it is told to, to drive the error reporter. */
    @Command(name = "fail")
    static final class Failing implements Callable<Integer> {
        private final RuntimeException failure;

        Failing(RuntimeException failure) {
            this.failure = failure;
        }

        @Override
        public Integer call() {
            throw failure;
        }
    }

    private static List<Object> runFailing(RuntimeException failure) {
        StringWriter err = new StringWriter();
        int code = new CommandLine(new Failing(failure))
                .setErr(new PrintWriter(err, true))
                .setExecutionExceptionHandler(new Main.ErrorReporter())
                .execute();
        return List.of(code, err.toString());
    }

    @Test
    @DisplayName("a refusal by the API server is printed in kubectl's words, with exit code 1")
    void apiException() {
        List<Object> result = runFailing(ApiException.notFound("", "namespaces", "dev"));

        assertThat(result).containsExactly(1, "Error from server (NotFound): namespaces \"dev\" not found\n");
    }

    @Test
    @DisplayName("a manifest that cannot be read is printed as an error naming file and line, with exit code 1")
    void manifestException() {
        List<Object> result = runFailing(new ManifestException("pods/x.yaml:7:3: mapping values are not allowed here",
                "pods/x.yaml", 7, 3));

        assertThat(result).containsExactly(1, "error: pods/x.yaml:7:3: mapping values are not allowed here\n");
    }

    @Test
    @DisplayName("a bug is an internal error: one line, a hint, exit code 70, and no stack trace")
    void internalError() {
        List<Object> result = runFailing(new IllegalStateException("the impossible happened"));

        assertThat(result.get(0)).isEqualTo(Main.EXIT_SOFTWARE);
        String err = (String) result.get(1);
        assertThat(err).startsWith("kubelab: internal error: IllegalStateException: the impossible happened\n")
                .contains("This is a bug in KubeLab", Main.DEBUG_VARIABLE + "=1");
        if (!"1".equals(System.getenv(Main.DEBUG_VARIABLE))) {
            assertThat(err).doesNotContain("\tat ");
        }
    }
}
