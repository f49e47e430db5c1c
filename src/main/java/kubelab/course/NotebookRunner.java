package kubelab.course;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import jdk.jshell.DeclarationSnippet;
import jdk.jshell.Diag;
import jdk.jshell.EvalException;
import jdk.jshell.JShell;
import jdk.jshell.JShellException;
import jdk.jshell.Snippet;
import jdk.jshell.SnippetEvent;
import jdk.jshell.SourceCodeAnalysis.Completeness;
import jdk.jshell.SourceCodeAnalysis.CompletionInfo;
import jdk.jshell.UnresolvedReferenceException;

/**
 * Runs notebook cells in this JVM, in one JShell session on JShell's local execution engine, and
 * reports for each cell what it printed, the value of its last expression and its errors, each with
 * its line in the cell and without a wall of stack trace. The course's Jupyter kernel (the next
 * issue) evaluates cells with this same class, so a notebook that passes {@code NotebooksTest} runs
 * the same way in Jupyter.
 *
 * <p>A cell is split into snippets (one declaration, statement or expression each) by JShell's
 * {@code analyzeCompletion}, as the jshell tool does; they run in order up to the first that does
 * not compile or throws. Cell code prints to this JVM's {@code System.out}, so both streams are
 * redirected into a buffer while a cell runs: one runner at a time per JVM. Cell code shares this
 * JVM's classes, which is safe because the library keeps no static mutable state. A cell must not
 * call {@code System.exit}.
 *
 * <p>Real Kubernetes: none; this is course tooling. The same job is done by {@code jupyter execute}
 * with a Java kernel such as IJava, without Python or the kernel protocol.
 */
public final class NotebookRunner implements AutoCloseable {
    /** The imports every notebook starts with: the course's entry points. */
    public static final String STARTUP = """
            import java.time.*;
            import java.util.*;
            import java.util.function.*;
            import java.util.stream.*;
            import kubelab.api.*;
            import kubelab.api.core.*;
            import kubelab.api.meta.*;
            import kubelab.api.labels.Selector;
            import kubelab.api.serialization.Json;
            import kubelab.apiserver.*;
            import kubelab.client.*;
            import kubelab.cluster.*;
            import kubelab.notebook.Display;
            import kubelab.notebook.Diagram;
            import kubelab.notebook.Diagrams;
            import kubelab.store.*;
            import kubelab.time.*;
            // Two simple names are declared twice in the packages above; these say which one is meant.
            import kubelab.apiserver.WatchEvent;
            import kubelab.time.Clock;
            """;

    private final ByteArrayOutputStream buffer = new ByteArrayOutputStream();
    private final PrintStream capture = new PrintStream(buffer, true, StandardCharsets.UTF_8);
    private final JShell shell;
    private final ValueCapture control;
    private final ClassLoader shellLoader;
    private final LineMagics magics;
    /** Set by {@link #stop()} from another thread: the running cell ends as interrupted. */
    private volatile boolean stopped;

    /** A fresh session with this JVM's class path and {@link #STARTUP} evaluated; magics' paths are relative to the working directory. */
    public NotebookRunner() {
        this(Path.of("").toAbsolutePath());
    }

    /** A fresh session whose magics ({@code %jars}, {@code %classpath}) take paths relative to {@code workingDirectory}. */
    public NotebookRunner(Path workingDirectory) {
        // The logging console handler keeps the System.err it first sees: let it be the real one.
        java.util.logging.Logger.getLogger("").getHandlers();
        Thread thread = Thread.currentThread();
        ClassLoader callers = thread.getContextClassLoader();
        try {
            ValueCapture[] created = new ValueCapture[1];
            shell = JShell.builder().executionEngine(ValueCapture.provider(created), Map.of())
                    .out(capture).err(capture).build();
            control = created[0];
            shellLoader = thread.getContextClassLoader(); // the local engine made its loader current
        } finally {
            thread.setContextClassLoader(callers);
        }
        Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                .filter(entry -> !entry.isEmpty()).forEach(shell::addToClasspath);
        magics = new LineMagics(workingDirectory.toAbsolutePath(), shell::addToClasspath);
        CellResult startup = evaluate(-1, STARTUP);
        if (!startup.ok()) {
            shell.close();
            throw new IllegalStateException("the startup imports do not compile: " + startup.errors());
        }
    }

    /** Runs every code cell of a notebook in a fresh session, in order, up to the first that fails. */
    public static List<CellResult> run(Path notebook) {
        return run(notebook, result -> { });
    }

    private static List<CellResult> run(Path notebook, Consumer<CellResult> each) {
        List<CellResult> results = new ArrayList<>();
        try (NotebookRunner runner = new NotebookRunner()) {
            for (Map.Entry<Integer, String> cell : Notebook.read(notebook).codeCells().entrySet()) {
                CellResult result = runner.evaluate(cell.getKey(), cell.getValue());
                results.add(result);
                each.accept(result);
                if (!result.ok()) {
                    break;
                }
            }
        }
        return results;
    }

    /** Evaluates one cell in this session; {@code index} only labels the result. */
    public CellResult evaluate(int index, String source) {
        List<String> errors = new ArrayList<>();
        Map<Snippet, Integer> starts = new LinkedHashMap<>(); // this cell's snippets, where each starts
        Value value = null;
        PrintStream out = System.out;
        PrintStream err = System.err; // cell code prints to these: with the local engine it runs in this JVM
        ClassLoader callers = Thread.currentThread().getContextClassLoader();
        buffer.reset();
        stopped = false;
        System.setOut(capture);
        System.setErr(capture);
        Thread.currentThread().setContextClassLoader(shellLoader); // as the local engine expects
        try {
            int at = runMagics(source, errors);
            String rest = errors.isEmpty() ? source.substring(at) : "";
            while (errors.isEmpty() && !rest.isBlank()) {
                // JShell counts a snippet's lines from its first character, but miscounts after
                // leading blank lines: give it none.
                int blank = rest.length() - rest.stripLeading().length();
                at += blank;
                rest = rest.substring(blank);
                CompletionInfo info = shell.sourceCodeAnalysis().analyzeCompletion(rest);
                if (info.completeness() == Completeness.EMPTY) {
                    break; // only comments left
                }
                // Incomplete code is evaluated anyway, so that the compiler says what is missing.
                boolean complete = info.completeness().isComplete();
                String next = complete ? info.remaining() : "";
                value = evalSnippet(source, at, complete ? info.source() : rest, errors, starts);
                if (stopped) { // JShell reports a stopped snippet as if it had ended normally
                    errors.add("line " + lineAt(source, at) + ": interrupted: the cell was stopped");
                }
                at += rest.length() - next.length();
                rest = next;
            }
        } finally {
            capture.flush();
            System.setOut(out);
            System.setErr(err);
            Thread.currentThread().setContextClassLoader(callers);
        }
        // A declaration may wait for a later one in the same cell; at the end of the cell it may not.
        if (errors.isEmpty()) {
            starts.forEach((s, at) -> {
                Snippet.Status status = shell.status(s); // active but not VALID: waiting for a declaration
                if (s instanceof DeclarationSnippet d && status.isActive() && status != Snippet.Status.VALID) {
                    errors.add("line " + lineAt(source, at) + ": " + unusable(d));
                }
            });
        }
        boolean shown = errors.isEmpty() && value != null;
        return new CellResult(index, source, buffer.toString(StandardCharsets.UTF_8), shown ? value.text() : null,
                shown ? value.object() : null, errors);
    }

    /** An expression's value: the object itself, and the text JShell makes of it. */
    private record Value(String text, Object object) {
    }

    /** Runs the cell's leading {@code %} lines; returns where its code starts. */
    private int runMagics(String source, List<String> errors) {
        int end = LineMagics.prefixLength(source);
        int at = 0;
        for (String line : source.substring(0, end).split("\n", -1)) {
            if (errors.isEmpty() && line.strip().startsWith("%")) {
                try {
                    List<Path> added = magics.run(line);
                    capture.println("class path + " + added.size() + (added.size() == 1 ? " entry: " : " entries: ")
                            + added.stream().map(p -> p.getFileName().toString()).collect(java.util.stream.Collectors.joining(", ")));
                } catch (LineMagics.MagicException e) {
                    errors.add("line " + lineAt(source, at) + ": " + e.getMessage());
                }
            }
            at += line.length() + 1;
        }
        return end;
    }

    /** Evaluates one snippet that starts at {@code at} in the cell; returns its value if it is an expression. */
    private Value evalSnippet(String cell, int at, String snippet, List<String> errors, Map<Snippet, Integer> starts) {
        Value value = null;
        control.take(); // forget an earlier snippet's object
        // Events with a causeSnippet are other snippets updated because of this one: not ours.
        for (SnippetEvent e : shell.eval(snippet).stream().filter(ev -> ev.causeSnippet() == null).toList()) {
            Snippet s = e.snippet();
            starts.put(s, at);
            if (e.status() == Snippet.Status.REJECTED) {
                List<Diag> diags = shell.diagnostics(s).filter(Diag::isError).toList();
                for (Diag d : diags) {
                    int pos = d.getPosition() < 0 ? at : at + (int) d.getPosition();
                    errors.add("line " + lineAt(cell, pos) + ": " + d.getMessage(Locale.ROOT) + pointTo(cell, pos));
                }
                if (diags.isEmpty()) {
                    errors.add("line " + lineAt(cell, at) + ": the compiler rejected this snippet" + pointTo(cell, at));
                }
            } else if (e.exception() != null) {
                errors.add(describe(e.exception(), cell, starts));
            } else if (s.kind() == Snippet.Kind.EXPRESSION || s.subKind() == Snippet.SubKind.TEMP_VAR_EXPRESSION_SUBKIND) {
                value = new Value(e.value(), control.take());
            }
        }
        return value;
    }

    /** {@code line N: class: message} (N from the first stack frame in the cell), then a few causes. */
    private String describe(JShellException x, String cell, Map<Snippet, Integer> starts) {
        StringBuilder sb = new StringBuilder();
        // Cell code runs as file "#id" of snippet id, with lines counted from the snippet's start.
        Arrays.stream(x.getStackTrace()).flatMap(frame -> starts.entrySet().stream()
                        .filter(s -> ("#" + s.getKey().id()).equals(frame.getFileName()))
                        .map(s -> lineAt(cell, s.getValue()) + Math.max(frame.getLineNumber(), 1) - 1))
                .findFirst().ifPresent(line -> sb.append("line ").append(line).append(": "));
        sb.append(oneLine(x));
        Throwable cause = x.getCause();
        for (int i = 0; i < 3 && cause instanceof JShellException c; i++, cause = c.getCause()) {
            if (x.getMessage() == null || c.getMessage() == null || !x.getMessage().contains(c.getMessage())) {
                sb.append("\n  caused by: ").append(oneLine(c));
            }
        }
        return sb.toString();
    }

    private String oneLine(JShellException x) {
        if (x instanceof EvalException e) {
            return e.getExceptionClassName() + (e.getMessage() == null ? "" : ": " + e.getMessage());
        }
        if (x instanceof UnresolvedReferenceException u) {
            return unusable(u.getSnippet());
        }
        return x.toString();
    }

    /** {@code g cannot be used until method h() is declared}, as the jshell tool says it. */
    private String unusable(DeclarationSnippet d) {
        return d.name() + " cannot be used until " + String.join(", ", shell.unresolvedDependencies(d).toList()) + " is declared";
    }

    private static int lineAt(String text, int offset) {
        return 1 + (int) text.substring(0, Math.min(offset, text.length())).chars().filter(c -> c == '\n').count();
    }

    /** The source line at {@code offset} with a caret under it. */
    private static String pointTo(String text, int offset) {
        int pos = Math.min(offset, text.length());
        int start = text.lastIndexOf('\n', pos - 1) + 1;
        int end = text.indexOf('\n', pos);
        String line = text.substring(start, end < 0 ? text.length() : end);
        return "\n    " + line + "\n    " + " ".repeat(Math.max(0, pos - start)) + "^";
    }

    /** Stops the cell running now; called from another thread (a notebook's interrupt button). */
    public void stop() {
        stopped = true;
        shell.stop();
    }

    /** What may follow the code before {@code cursor}: the completions, and where they start. */
    public record Completions(List<String> options, int start, int end) {
    }

    /** Tab completion at {@code cursor}, from JShell's source analysis. */
    public Completions complete(String code, int cursor) {
        int[] anchor = new int[1];
        List<String> options = shell.sourceCodeAnalysis().completionSuggestions(code, cursor, anchor).stream()
                .map(jdk.jshell.SourceCodeAnalysis.Suggestion::continuation).distinct().sorted().toList();
        return new Completions(options, anchor[0], cursor);
    }

    /** The signatures (and, with {@code details}, the Javadoc) of what is at {@code cursor}, one per line. */
    public String inspect(String code, int cursor, boolean details) {
        return shell.sourceCodeAnalysis().documentation(code, cursor, details).stream()
                .map(d -> details && d.javadoc() != null ? d.signature() + "\n" + d.javadoc() : d.signature())
                .collect(java.util.stream.Collectors.joining("\n"));
    }

    @Override
    public void close() {
        shell.close();
    }

    /** Runs the notebook {@code args[0]} and prints what each cell did; exits with 1 at the first cell that fails. */
    public static void main(String[] args) {
        boolean failed = run(Path.of(args[0]), r -> {
            System.out.println("--- cell " + r.index() + ": " + r.firstLine());
            System.out.print(r.output());
            if (r.value() != null) {
                System.out.println("=> " + r.value());
            }
            r.errors().forEach(e -> System.err.println("error in cell " + r.index() + ", " + e));
        }).stream().anyMatch(r -> !r.ok());
        System.exit(failed ? 1 : 0);
    }
}
