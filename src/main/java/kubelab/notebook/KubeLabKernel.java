package kubelab.notebook;

import io.github.spencerpark.jupyter.channels.JupyterConnection;
import io.github.spencerpark.jupyter.kernel.BaseKernel;
import io.github.spencerpark.jupyter.kernel.KernelConnectionProperties;
import io.github.spencerpark.jupyter.kernel.LanguageInfo;
import io.github.spencerpark.jupyter.kernel.ReplacementOptions;
import io.github.spencerpark.jupyter.kernel.display.DisplayData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import kubelab.course.CellResult;
import kubelab.course.NotebookRunner;

/**
 * The Jupyter kernel of the course: each cell goes to the same JShell session the test suite and
 * {@code kubelab course} use ({@link NotebookRunner}, with the course's imports and the local
 * execution engine), so a cell does in Jupyter exactly what it does in a test. What a cell prints
 * reaches the notebook as its stream output, the value of its last expression as its result (shown
 * by its type: a diagram as a picture), and a failure as an error naming the line within the cell.
 * A cell may start with the line magics {@code %jars} and {@code %classpath}.
 *
 * <p>Real Kubernetes: none; this is course tooling. It is built as IJava is, on IJava's base
 * library {@code jupyter-jvm-basekernel}, which speaks the Jupyter messaging protocol.
 */
public final class KubeLabKernel extends BaseKernel {
    /** The kernel's name in {@code kernel.json} and in the notebooks' metadata. */
    public static final String NAME = "kubelab-java";

    private final NotebookRunner runner = new NotebookRunner();

    public KubeLabKernel() {
        Display.sendTo(this::display); // a cell's Display.markdown(...) reaches this notebook
    }

    /** A cell that failed: its errors, already in the words the notebook should show. */
    static final class CellFailed extends Exception {
        private final List<String> errors;

        CellFailed(List<String> errors) {
            super(String.join("\n", errors), null, false, false);
            this.errors = errors;
        }
    }

    @Override
    public DisplayData eval(String code) throws Exception {
        CellResult result = runner.evaluate(executionCount.get(), code);
        // The runner captured the cell's output; while eval runs, System.out is the notebook's stream.
        System.out.print(result.output());
        System.out.flush();
        if (!result.ok()) {
            throw new CellFailed(result.errors());
        }
        return result.value() == null ? null : Display.displayData(resultBundle(result));
    }

    /**
     * A cell's value by its type: a {@link Displayable} (a {@link Diagram}: a picture) as its own
     * bundle, a String as its text (no quotes), anything else as JShell's text for it (its toString).
     */
    static Map<String, String> resultBundle(CellResult result) {
        Object value = result.object();
        if (value instanceof Displayable d) {
            return d.mimeBundle();
        }
        return Map.of("text/plain", value instanceof String s ? s : result.value());
    }

    @Override
    public List<String> formatError(Exception e) {
        if (e instanceof CellFailed failed) {
            return failed.errors;
        }
        return super.formatError(e);
    }

    @Override
    public LanguageInfo getLanguageInfo() {
        return new LanguageInfo.Builder("java").version(Runtime.version().toString())
                .mimetype("text/x-java-source").fileExtension(".jshell").pygments("java").codemirror("text/x-java")
                .build();
    }

    @Override
    public ReplacementOptions complete(String code, int at) {
        NotebookRunner.Completions c = runner.complete(code, at);
        return c.options().isEmpty() ? null : new ReplacementOptions(c.options(), c.start(), c.end());
    }

    @Override
    public DisplayData inspect(String code, int at, boolean extraDetail) {
        String text = runner.inspect(code, at, extraDetail);
        return text.isEmpty() ? null : new DisplayData(text);
    }

    /** The notebook's interrupt: the running cell stops and fails as "interrupted". */
    @Override
    public void interrupt() {
        runner.stop();
    }

    @Override
    public String getBanner() {
        return "KubeLab — Java " + Runtime.version() + ", JShell with the course's imports";
    }

    @Override
    public void onShutdown(boolean isRestarting) {
        runner.close();
    }

    /** Started by Jupyter as {@code kernel.json} says, with the path of a connection file. */
    public static void main(String[] args) throws Exception {
        if (args.length != 1) {
            System.err.println("usage: KubeLabKernel CONNECTION_FILE (Jupyter starts the kernel this way)");
            System.exit(2);
        }
        Logger.getLogger("").setLevel(Level.WARNING); // the base library logs every message at INFO
        KernelConnectionProperties props = KernelConnectionProperties.parse(Files.readString(Path.of(args[0])));
        JupyterConnection connection = new JupyterConnection(props);
        KubeLabKernel kernel = new KubeLabKernel();
        kernel.becomeHandlerForConnection(connection);
        connection.connect();
        connection.waitUntilClose();
    }
}
