package kubelab.course;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.io.TempDir;

@Tag("chapter1")
@DisplayName("The notebooks run, cell by cell, with the evaluator the Jupyter kernel uses")
class NotebooksTest {

    private static List<Path> notebooks() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("notebooks"))) {
            return files.filter(p -> p.toString().endsWith(".ipynb")).sorted().toList();
        }
    }

    @TestFactory
    @DisplayName("every cell of every notebook runs, and every check in it holds")
    Stream<DynamicTest> everyCellRuns() throws IOException {
        assertThat(notebooks()).extracting(p -> p.getFileName().toString()).contains("01-architecture.ipynb");
        return notebooks().stream().map(notebook -> DynamicTest.dynamicTest(notebook.getFileName().toString(), () -> {
            List<CellResult> results = NotebookRunner.run(notebook);
            for (CellResult r : results) {
                assertThat(r.ok()).withFailMessage("%s, cell %d (%s) failed:%n%s%n-- its output up to the error:%n%s",
                        notebook, r.index(), r.firstLine(), String.join("\n", r.errors()), r.output()).isTrue();
            }
            assertThat(results).hasSize(Notebook.read(notebook).codeCells().size());
        }));
    }

    @Test
    @DisplayName("notebooks are committed clean: nbformat 4, the kubelab-java kernel, no outputs")
    void committedClean() throws IOException {
        for (Path notebook : notebooks()) {
            JsonNode nb = Json.mapper().readTree(notebook.toFile());
            assertThat(nb.path("nbformat").asInt()).as("%s nbformat", notebook).isEqualTo(4);
            assertThat(nb.at("/metadata/kernelspec/name").asText()).as("%s kernel", notebook).isEqualTo("kubelab-java");
            assertThat(nb.at("/metadata/language_info/name").asText()).as("%s language", notebook).isEqualTo("java");
            for (JsonNode cell : nb.path("cells")) {
                assertThat(cell.path("metadata").isObject()).as("%s: every cell has metadata", notebook).isTrue();
                assertThat(cell.path("source").isArray()).as("%s: sources are lists of lines", notebook).isTrue();
                if (cell.path("cell_type").asText().equals("code")) {
                    assertThat(cell.path("outputs")).as("%s: outputs are not committed", notebook).isEmpty();
                    assertThat(cell.path("execution_count").isNull()).as("%s: execution_count is null", notebook).isTrue();
                }
            }
        }
    }

    @Test
    @DisplayName("a compile error names its line in the cell and points at it, and the notebook stops there")
    void compileError(@TempDir Path dir) throws IOException {
        Path nb = write(dir, markdown("# broken"), code(List.of("int x = 1;\n", "\n", "String s = x;\n")), code("int never = 1;"));

        List<CellResult> results = NotebookRunner.run(nb);

        assertThat(results).hasSize(1);
        CellResult r = results.get(0);
        assertThat(r.index()).isEqualTo(1);
        assertThat(r.errors()).singleElement().asString()
                .startsWith("line 3: incompatible types: int cannot be converted to java.lang.String")
                .endsWith("\n    String s = x;\n               ^");

        // A method may call one declared later in its cell, but not one that never comes.
        try (NotebookRunner runner = new NotebookRunner()) {
            assertThat(runner.evaluate(0, "void f() { g(); }\nvoid g() { }").errors()).isEmpty();
            assertThat(runner.evaluate(1, "int x = 1;\nvoid h() { nowhere(); }").errors())
                    .containsExactly("line 2: h cannot be used until method nowhere() is declared");
        }
    }

    @Test
    @DisplayName("an exception names its class, message and line in the cell, without a stack trace")
    void runtimeError(@TempDir Path dir) throws IOException {
        Path nb = write(dir,
                code("void check(boolean ok) {\n    if (!ok) throw new AssertionError(\"expected a Conflict\");\n}"),
                code("System.out.println(\"before\");\nvar list = new ArrayList<String>(List.of(\"a\"));\n\nlist.get(3);"),
                code("check(1 == 2);"));

        List<CellResult> results = NotebookRunner.run(nb);

        assertThat(results).hasSize(2);
        assertThat(results.get(1).output()).isEqualTo("before\n");
        assertThat(results.get(1).errors()).containsExactly(
                "line 4: java.lang.IndexOutOfBoundsException: Index 3 out of bounds for length 1");

        // Thrown in a helper from an earlier cell: the line is where this cell called it.
        try (NotebookRunner runner = new NotebookRunner()) {
            runner.evaluate(0, Notebook.read(nb).codeCells().get(0));
            CellResult r = runner.evaluate(1, "int two = 2;\ncheck(two == 3);");
            assertThat(r.errors()).containsExactly("line 2: java.lang.AssertionError: expected a Conflict");
        }
    }

    @Test
    @DisplayName("a cell's printed output and the value of its last expression are captured")
    void outputAndValue() {
        PrintStream out = System.out;
        try (NotebookRunner runner = new NotebookRunner()) {
            CellResult printed = runner.evaluate(0, "System.out.println(\"hello\");\nSystem.err.println(\"world\");\nint x = 41;");
            CellResult value = runner.evaluate(1, "// the value of a cell is its last expression's\nx + 1");
            CellResult text = runner.evaluate(2, "new SimulatedLoop(1).now().toString()");
            CellResult statementLast = runner.evaluate(3, "x + 1;\nx = 0;\nvoid nothing() { }");

            assertThat(printed.output()).isEqualTo("hello\nworld\n");
            assertThat(printed.value()).isNull();
            assertThat(value.value()).isEqualTo("42");
            assertThat(text.value()).isEqualTo("\"2026-01-01T00:00:00Z\"");
            assertThat(statementLast.value()).isNull();
            assertThat(statementLast.ok()).isTrue();
        }
        assertThat(System.out).isSameAs(out);
    }

    // ---- writing small notebooks ----------------------------------------------------------

    private static Map<String, Object> markdown(String text) {
        return Map.of("cell_type", "markdown", "metadata", Map.of(), "source", List.of(text));
    }

    /** A code cell; {@code source} is a string or a list of lines, the two forms nbformat allows. */
    private static Map<String, Object> code(Object source) {
        return Map.of("cell_type", "code", "metadata", Map.of(), "source", source, "outputs", List.of(),
                "execution_count", 0);
    }

    @SafeVarargs
    private static Path write(Path dir, Map<String, Object>... cells) throws IOException {
        Path nb = dir.resolve("test.ipynb");
        Json.mapper().writeValue(nb.toFile(), Map.of("cells", List.of(cells), "metadata", Map.of(),
                "nbformat", 4, "nbformat_minor", 5));
        return nb;
    }
}
