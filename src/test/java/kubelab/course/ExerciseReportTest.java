package kubelab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("chapter1")
@DisplayName("The exercises report")
class ExerciseReportTest {

    @Test
    @DisplayName("lists every statement under its subject, marks the ones that fail, and says why")
    void report(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("TEST-kubelab.x.ReplicaSetTest.xml"), """
                <?xml version="1.0" encoding="UTF-8"?>
                <testsuite name="The ReplicaSet controller" tests="3">
                  <testcase name="a deleted pod is replaced" classname="The ReplicaSet controller" time="0.1"/>
                  <testcase name="slow start creates 1, 2, 4 pods" classname="The ReplicaSet controller" time="0.1">
                    <failure message="expected: 7&#10;but was: 10" type="org.opentest4j.AssertionFailedError"/>
                  </testcase>
                  <testcase name="skipped one" classname="The ReplicaSet controller"><skipped/></testcase>
                </testsuite>
                """);
        var out = new ByteArrayOutputStream();
        int failing = ExerciseReport.print(ExerciseReport.read(dir), "1", new PrintStream(out, true, StandardCharsets.UTF_8));

        assertThat(failing).isEqualTo(1);
        assertThat(out.toString(StandardCharsets.UTF_8)).isEqualTo("""
                Chapter 1: 1 statements hold, 1 do not.

                The ReplicaSet controller
                  ✓ a deleted pod is replaced
                  ✗ slow start creates 1, 2, 4 pods
                      expected: 7
                      but was: 10

                1 statements do not hold: read each one's test, find what changed, and make it hold again.
                """);
    }
}
