package kubelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kubelab.course.CellResult;
import kubelab.course.Notebook;
import kubelab.course.NotebookRunner;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code kubelab course N}: a chapter's notebook, run live in the terminal. Each markdown cell is
 * printed as it is, each code cell is shown and evaluated (the same JShell evaluator the Jupyter
 * kernel uses), and its output follows. It stops at the first cell that fails, as "Run All" does.
 */
@Command(name = "course",
        description = {"Run chapter N's notebook in the terminal: the explanations, then each code cell "
                + "and what it printed, on a live in-process cluster.", "",
                "Chapters: 1 Architecture (more arrive with each milestone)."},
        descriptionHeading = "%n",
        parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class CourseCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(paramLabel = "N", description = "the chapter number, e.g. 1")
    private int chapter;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path dir = Path.of(System.getProperty("kubelab.home", ".")).resolve("notebooks");
        List<Path> found = notebooks(dir, String.format("%02d-", chapter));
        if (found.isEmpty()) {
            spec.commandLine().getErr().println("error: no notebook for chapter " + chapter + " in " + dir);
            return Main.EXIT_FAILURE;
        }
        try (NotebookRunner runner = new NotebookRunner()) {
            for (Path path : found) {
                if (!show(Notebook.read(path), runner, out)) {
                    return Main.EXIT_FAILURE;
                }
            }
        }
        return Main.EXIT_OK;
    }

    private static List<Path> notebooks(Path dir, String prefix) throws IOException {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().startsWith(prefix) && p.toString().endsWith(".ipynb"))
                    .sorted().toList();
        }
    }

    /** Prints a notebook cell by cell, evaluating code; false if a cell failed. */
    private static boolean show(Notebook notebook, NotebookRunner runner, PrintWriter out) {
        out.println("== " + notebook.path().getFileName() + " ==");
        TreeSet<Integer> cells = new TreeSet<>(notebook.codeCells().keySet());
        cells.addAll(notebook.markdownCells().keySet());
        for (int i : cells) {
            String markdown = notebook.markdownCells().get(i);
            if (markdown != null) {
                out.println();
                out.println(markdown.strip());
                continue;
            }
            String code = notebook.codeCells().get(i);
            out.println();
            code.strip().lines().forEach(l -> out.println("  │ " + l));
            out.flush();
            CellResult r = runner.evaluate(i, code);
            r.output().lines().forEach(l -> out.println("  ▸ " + l));
            if (r.value() != null) {
                out.println("  ⇒ " + r.value());
            }
            if (!r.ok()) {
                r.errors().forEach(e -> out.println("  ✗ " + e));
                out.flush();
                return false;
            }
        }
        out.println();
        out.flush();
        return true;
    }
}
