package kubelab.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kubelab.notebook.KernelSpec;
import kubelab.notebook.KubeLabKernel;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kubelab notebook}: the course in Jupyter. Writes the KubeLab kernel's spec under
 * {@code target/jupyter}, then starts a Jupyter Notebook server on {@code notebooks/} with that
 * kernel; or, with {@code --execute}, runs every notebook headless through Jupyter (nbconvert) and
 * fails on the first cell that fails, which is how CI checks the notebooks in real Jupyter. The
 * executed copies are signed (trusted), so their diagrams draw when opened with
 * {@code ./kubelab notebook --dir target/notebooks}.
 *
 * <p>The server serves the course's copy of {@code mermaid.min.js} (from the npm set-up in
 * {@code target/node}) as {@code static/kubelab/mermaid.min.js}, where {@link kubelab.notebook.Mermaid}'s
 * script loads it: diagrams draw offline. Jupyter's own state (notebook signatures, runtime files) goes
 * under {@code target/jupyter} too, not the user's home. {@code --check-page} runs the notebook in
 * headless Chromium and checks that its diagrams are pictures ({@code .ci/page-check.mjs}).
 *
 * <p>The launcher installs what is missing first, as root: Jupyter from the Debian packages, the
 * npm packages into {@code target/node}, and for {@code --check-page} Debian's chromium.
 *
 * <p>Real Kubernetes: none; course tooling.
 */
@Command(name = "notebook",
        description = {"Open the course in Jupyter: a Notebook server on notebooks/, with the KubeLab Java kernel.",
                "",
                "With --execute, run every notebook in Jupyter without a browser and stop at the first failing "
                        + "cell (executed copies go to target/notebooks)."},
        footer = {"", "Exit status: 0 on success, 1 if a notebook failed or Jupyter is missing, 2 for a usage error."},
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class NotebookCommand implements Callable<Integer> {
    /** Where Debian puts Jupyter; its scripts need Debian's own python3, not one earlier on PATH. */
    static final Path JUPYTER = Path.of("/usr/bin/jupyter");

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--port", defaultValue = "8888", description = "the server's port (default: ${DEFAULT-VALUE})")
    private int port;

    @Option(names = "--execute", description = "run the notebooks headless instead of serving them")
    private boolean execute;

    @Option(names = "--no-browser", description = "do not open a browser (Jupyter prints the URL either way)")
    private boolean noBrowser;

    @Option(names = "--dir", paramLabel = "DIR",
            description = "serve this folder instead of notebooks/ (e.g. target/notebooks, the executed copies)")
    private Path dir;

    @Option(names = "--check-page", description = "run notebooks/01-architecture.ipynb in headless Chromium and fail "
            + "unless every diagram is drawn as a picture and no cell fails (screenshots in target/page-check)")
    private boolean checkPage;

    @Parameters(arity = "0..*", paramLabel = "NOTEBOOK",
            description = "with --execute: the notebooks to run (default: every notebooks/*.ipynb)")
    private List<Path> notebooks = List.of();

    @Override
    public Integer call() throws IOException, InterruptedException {
        var out = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("kubelab.home", ".")).toAbsolutePath();
        if (!execute && !notebooks.isEmpty()) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "NOTEBOOK arguments go with --execute; the server always opens notebooks/");
        }
        for (Path nb : notebooks) {
            if (!Files.isRegularFile(nb)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such notebook: " + nb);
            }
        }
        if (!Files.isExecutable(JUPYTER)) {
            out.println("Jupyter is not installed: run ./kubelab notebook as root to install it from the Debian "
                    + "packages, or: sudo apt-get install jupyter-notebook jupyter-nbconvert python3-nbclient");
            out.flush();
            return Main.EXIT_FAILURE;
        }
        if (checkPage) {
            return checkPage(home);
        }
        Path jupyterPath = KernelSpec.write(home.resolve("target/jupyter"));
        List<String> command = new ArrayList<>(List.of("/usr/bin/python3", JUPYTER.toString()));
        if (execute) {
            command.addAll(List.of("nbconvert", "--to", "notebook", "--execute",
                    "--ExecutePreprocessor.kernel_name=" + KubeLabKernel.NAME, "--ExecutePreprocessor.timeout=600",
                    "--output-dir", home.resolve("target/notebooks").toString()));
            if (!notebooks.isEmpty()) {
                notebooks.forEach(p -> command.add(p.toAbsolutePath().toString()));
            } else {
                try (Stream<Path> all = Files.list(home.resolve("notebooks"))) {
                    all.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(p -> command.add(p.toString()));
                }
            }
        } else {
            Path root = dir == null ? home.resolve("notebooks") : dir.toAbsolutePath();
            if (!Files.isDirectory(root)) {
                throw new picocli.CommandLine.ParameterException(spec.commandLine(), "no such folder: " + dir);
            }
            command.addAll(List.of("notebook", "--port", Integer.toString(port), "--notebook-dir", root.toString()));
            Path statics = mermaidStatics(home, jupyterPath);
            if (statics != null) {
                command.add("--NotebookApp.extra_static_paths=" + statics); // traitlets 5: one item per flag
            } else {
                out.println("Diagrams will show as Mermaid source: " + MERMAID + " is missing (./kubelab notebook "
                        + "installs it with npm; without npm, install Node.js 20 and npm).");
            }
            if (noBrowser || System.getenv("DISPLAY") == null) {
                command.add("--no-browser"); // no screen to open one on
            }
            if ("root".equals(System.getProperty("user.name"))) {
                command.add("--allow-root");
            }
            out.println("Open the URL Jupyter prints below; the notebooks use the kernel \"Java (KubeLab)\".");
            out.flush();
        }
        int exit = jupyter(command, home, jupyterPath);
        if (exit == 0 && execute) {
            // Sign the executed copies: Jupyter runs the scripts in a trusted notebook's outputs
            // (the diagrams') when it opens it; unsigned, it strips them and shows the source.
            List<String> trust = new ArrayList<>(List.of("/usr/bin/python3", "-m", "nbformat.sign"));
            try (Stream<Path> copies = Files.list(home.resolve("target/notebooks"))) {
                copies.filter(p -> p.toString().endsWith(".ipynb")).sorted().forEach(p -> trust.add(p.toString()));
            }
            exit = jupyter(trust, home, jupyterPath);
        }
        return exit == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    /** The course's mermaid.min.js, installed by the launcher with npm (diagrams/package-lock.json). */
    static final Path MERMAID = Path.of("target/node/node_modules/mermaid/dist/mermaid.min.js");

    /**
     * A static folder for the server holding {@code kubelab/mermaid.min.js}, the path
     * {@link kubelab.notebook.Mermaid#SCRIPT_PATH} names under {@code static/}; null without the npm set-up.
     */
    private static Path mermaidStatics(Path home, Path jupyterPath) throws IOException {
        Path from = home.resolve(MERMAID);
        if (!Files.isRegularFile(from)) {
            return null;
        }
        Path statics = jupyterPath.resolve("static");
        Path to = statics.resolve(kubelab.notebook.Mermaid.SCRIPT_PATH.substring("static/".length()));
        Files.createDirectories(to.getParent());
        Files.copy(from, to, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        return statics;
    }

    /** Runs a Jupyter command with the kernel spec found, and Jupyter's state kept under target/jupyter. */
    private static int jupyter(List<String> command, Path home, Path jupyterPath) throws IOException, InterruptedException {
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO().directory(home.resolve("notebooks").toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        pb.environment().put("JUPYTER_DATA_DIR", jupyterPath.resolve("data").toString()); // signatures db, secret
        pb.environment().put("JUPYTER_RUNTIME_DIR", jupyterPath.resolve("runtime").toString()); // connection files
        return pb.start().waitFor();
    }

    /** The page check: a node script drives headless Chromium through the notebook (see .ci/page-check.mjs). */
    private int checkPage(Path home) throws IOException, InterruptedException {
        Path script = home.resolve(".ci/page-check.mjs");
        if (!Files.isRegularFile(home.resolve("target/node/node_modules/puppeteer-core/package.json"))
                || !Files.isExecutable(Path.of("/usr/bin/chromium"))) {
            spec.commandLine().getOut().println("The page check needs the npm set-up's dev packages in target/node and "
                    + "/usr/bin/chromium: run it as ./kubelab notebook --check-page, which installs them (as root).");
            spec.commandLine().getOut().flush();
            return Main.EXIT_FAILURE;
        }
        int exit = new ProcessBuilder("node", script.toString()).inheritIO().directory(home.toFile()).start().waitFor();
        return exit == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
