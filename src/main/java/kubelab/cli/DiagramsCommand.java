package kubelab.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Stream;
import kubelab.notebook.DiagramFiles;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubelab diagrams}: draws every {@code diagrams/*.mmd} as an SVG beside it with mermaid-cli
 * (npm's {@code @mermaid-js/mermaid-cli}, pinned in {@code diagrams/package-lock.json}, driving
 * Debian's chromium), each stamped with its source's hash ({@link DiagramFiles}); fails naming each
 * diagram that does not draw. CI draws into {@code target/} with {@code --out} to check that they all
 * still draw; the committed SVGs are what the chapters show.
 *
 * <p>The launcher installs mermaid-cli into {@code target/node} and chromium first (as root).
 *
 * <p>Real Kubernetes: none; course tooling.
 */
@Command(name = "diagrams",
        description = {"Draw every diagrams/*.mmd as diagrams/*.svg with mermaid-cli (headless chromium); "
                + "fail naming the diagrams that do not draw."},
        footer = {"", "Exit status: 0 when every diagram drew, 1 otherwise."},
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class DiagramsCommand implements Callable<Integer> {
    static final Path MMDC = Path.of("target/node/node_modules/.bin/mmdc");

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--out", paramLabel = "DIR", description = "write the SVGs here instead of diagrams/ (CI: a check)")
    private Path out;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter say = spec.commandLine().getOut();
        Path home = Path.of(System.getProperty("kubelab.home", ".")).toAbsolutePath();
        Path sources = home.resolve("diagrams");
        Path to = out == null ? sources : out.toAbsolutePath();
        Path mmdc = home.resolve(MMDC);
        if (!Files.isExecutable(mmdc)) {
            say.println("mermaid-cli is not installed in target/node: run ./kubelab diagrams, which installs it with npm");
            say.flush();
            return Main.EXIT_FAILURE;
        }
        Files.createDirectories(to);
        Path config = home.resolve("target/node/puppeteer-config.json");
        // Root cannot use Chromium's sandbox; there is no GPU in a container.
        Files.writeString(config, "{\"executablePath\":\"/usr/bin/chromium\",\"args\":[\"--no-sandbox\",\"--disable-gpu\"]}\n");
        List<Path> diagrams;
        try (Stream<Path> files = Files.list(sources)) {
            diagrams = files.filter(p -> p.toString().endsWith(".mmd")).sorted().toList();
        }
        List<String> failed = new ArrayList<>();
        for (Path mmd : diagrams) {
            String name = mmd.getFileName().toString();
            Path svg = to.resolve(name.replaceFirst("\\.mmd$", ".svg"));
            Path log = home.resolve("target/node/mmdc-" + name + ".log");
            int exit = new ProcessBuilder(mmdc.toString(), "-q", "-i", mmd.toString(), "-o", svg.toString(),
                    "-p", config.toString(), "-b", "white")
                    .redirectErrorStream(true).redirectOutput(log.toFile()).start().waitFor();
            if (exit != 0 || !Files.isRegularFile(svg)) {
                List<String> lines = Files.readAllLines(log);
                failed.add("diagrams/" + name + " does not draw:\n    "
                        + String.join("\n    ", lines.subList(Math.max(0, lines.size() - 8), lines.size())));
                continue;
            }
            Files.writeString(svg, DiagramFiles.stamp(Files.readString(svg), "diagrams/" + name, Files.readString(mmd)));
            say.println("drew " + home.relativize(svg));
            say.flush();
        }
        failed.forEach(f -> spec.commandLine().getErr().println("error: " + f));
        return failed.isEmpty() ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
