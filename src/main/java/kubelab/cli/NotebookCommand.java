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
 * fails on the first cell that fails, which is how CI checks the notebooks in real Jupyter.
 *
 * <p>The launcher installs Jupyter from the Debian packages first when it is missing (as root).
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
            command.addAll(List.of("notebook", "--port", Integer.toString(port),
                    "--notebook-dir", home.resolve("notebooks").toString()));
            if (noBrowser || System.getenv("DISPLAY") == null) {
                command.add("--no-browser"); // no screen to open one on
            }
            if ("root".equals(System.getProperty("user.name"))) {
                command.add("--allow-root");
            }
            out.println("Open the URL Jupyter prints below; the notebooks use the kernel \"Java (KubeLab)\".");
            out.flush();
        }
        ProcessBuilder pb = new ProcessBuilder(command).inheritIO().directory(home.resolve("notebooks").toFile());
        pb.environment().put("JUPYTER_PATH", jupyterPath.toString());
        int exit = pb.start().waitFor();
        return exit == 0 ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
