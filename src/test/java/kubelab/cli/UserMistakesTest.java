package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Named;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A learner's mistake gets a message that says what is wrong, and an exit code; never a Java stack
 * trace, which would tell them about KubeLab's insides instead of their manifest.
 */
@Tag("chapter1")
class UserMistakesTest {

    @TempDir
    static Path dir;

    /** A command line, the exit code it must give, and words its message must contain. */
    static Stream<Arguments> mistakes() throws IOException {
        Path empty = Files.writeString(dir.resolve("empty.yaml"), "");
        Path onlyComments = Files.writeString(dir.resolve("comments.yaml"), "# nothing here\n---\n");
        Path noManifests = Files.createDirectories(dir.resolve("docs"));
        Files.writeString(noManifests.resolve("README.md"), "# not a manifest\n");
        Path notAnObject = Files.writeString(dir.resolve("list.yaml"), "- a\n- b\n");
        Path missing = dir.resolve("nope.yaml");
        return Stream.of(
                mistake("a nonexistent file", 1, "error: the path \"" + missing + "\" does not exist",
                        "validate", missing.toString()),
                mistake("a directory with no manifests", 1, "no manifest files (*.json, *.yaml, *.yml) in the directory",
                        "validate", noManifests.toString()),
                mistake("an empty file", 1, "error: " + empty + ": no objects found", "validate", empty.toString()),
                mistake("a file of only comments", 1, "no objects found", "validate", onlyComments.toString()),
                mistake("a document that is not an object", 1, "a manifest must be an object", "validate", notAnObject.toString()),
                mistake("empty standard input", 1, "error: STDIN: no objects found", "validate", "-"),
                mistake("validate without FILE", 2, "Missing required parameter: 'FILE'", "validate"),
                mistake("an unknown option", 2, "Unknown option: '--frobnicate'", "validate", "--frobnicate", "x.yaml"),
                mistake("an unknown command", 2, "unknown command \"valdate\" for \"kubelab\"", "valdate", "x.yaml"));
    }

    private static Arguments mistake(String name, int exitCode, String message, String... args) {
        return Arguments.of(Named.of(name, args), exitCode, message);
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("mistakes")
    @DisplayName("a user mistake never prints a stack trace")
    void noStackTrace(String[] args, int exitCode, String message) {
        CliRun run = CliRun.of(args);

        assertThat(run.exitCode()).as("%s", run).isEqualTo(exitCode);
        assertThat(run.all()).as("%s", run).contains(message).doesNotContain("Exception").doesNotContain("\tat ");
    }
}
