package kubelab.course;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("chapter1")
@DisplayName("A cell can add to the class path with the line magics %jars and %classpath, as in IJava")
class LineMagicsTest {
    @TempDir
    Path work;

    private NotebookRunner runner;

    /** work/classes/demo/Greeter.class, and the same class in work/lib/greeter.jar. */
    @BeforeEach
    void library() throws IOException {
        Path src = Files.createDirectories(work.resolve("src/demo"));
        Files.writeString(src.resolve("Greeter.java"),
                "package demo; public class Greeter { public static String hello() { return \"hello from a jar\"; } }");
        Path classes = Files.createDirectories(work.resolve("classes"));
        int exit = ToolProvider.getSystemJavaCompiler().run(null, null, null, "-d", classes.toString(),
                src.resolve("Greeter.java").toString());
        assertThat(exit).isZero();
        Files.createDirectories(work.resolve("lib"));
        try (OutputStream file = Files.newOutputStream(work.resolve("lib/greeter.jar"));
             JarOutputStream jar = new JarOutputStream(file)) {
            jar.putNextEntry(new JarEntry("demo/Greeter.class"));
            jar.write(Files.readAllBytes(classes.resolve("demo/Greeter.class")));
            jar.closeEntry();
        }
        runner = new NotebookRunner(work);
    }

    @AfterEach
    void close() {
        runner.close();
    }

    @Test
    @DisplayName("%jars with a glob, relative to the working directory, makes a jar's classes usable in the same cell")
    void jars() {
        CellResult r = runner.evaluate(0, "%jars lib/*.jar\ndemo.Greeter.hello()");
        assertThat(r.errors()).isEmpty();
        assertThat(r.object()).isEqualTo("hello from a jar");
        assertThat(r.output()).contains("greeter.jar");
    }

    @Test
    @DisplayName("%classpath adds a directory of classes")
    void classpath() {
        assertThat(runner.evaluate(0, "%classpath classes").ok()).isTrue();
        assertThat(runner.evaluate(1, "demo.Greeter.hello()").value()).isEqualTo("\"hello from a jar\"");
    }

    @Test
    @DisplayName("%jars on a directory adds the jars in it")
    void jarsInDirectory() {
        assertThat(runner.evaluate(0, "%jars lib\ndemo.Greeter.hello()").object()).isEqualTo("hello from a jar");
    }

    @Test
    @DisplayName("a path that matches nothing fails the cell with a message naming it, and the code after it does not run")
    void badPath() {
        CellResult r = runner.evaluate(0, "%jars lib/*.jar missing/*.jar\nSystem.out.println(\"ran\");");
        assertThat(r.errors()).singleElement().asString()
                .startsWith("line 1: %jars: nothing matches missing/*.jar (relative to " + work.toAbsolutePath());
        assertThat(r.output()).doesNotContain("ran");
    }

    @Test
    @DisplayName("an unknown magic is an error naming the ones there are; a line further down counts its line")
    void unknownMagic() {
        CellResult r = runner.evaluate(0, "%classpath classes\n\n%maven demo:demo:1.0\n1 + 1");
        assertThat(r.errors()).containsExactly("line 3: unknown magic %maven (this kernel has %jars and %classpath)");
    }

    @Test
    @DisplayName("%jars refuses a file that is not a jar, pointing at %classpath")
    void notAJar() {
        assertThat(runner.evaluate(0, "%jars classes/demo/*.class").errors()).singleElement().asString()
                .contains("which is not a jar (use %classpath)");
    }

    @Test
    @DisplayName("a compile error after the magics still names its line within the cell")
    void linesAfterMagics() {
        CellResult r = runner.evaluate(0, "%jars lib/greeter.jar\nint x = 1;\nString s = x;");
        assertThat(r.errors()).singleElement().asString().startsWith("line 3: ");
    }
}
