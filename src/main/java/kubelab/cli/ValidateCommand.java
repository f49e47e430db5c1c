package kubelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kubelab.api.meta.Status;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;

/**
 * {@code kubelab validate FILE...}: would a cluster accept these manifests? Every object is
 * dry-run against a fresh, empty in-process cluster, through the same defaulting, admission and
 * validation as a real create, and the answer is printed one object per line, in file order:
 *
 * <pre>
 * pod/nginx valid
 * pod/web invalid
 *   error: spec.containers[1].name: Duplicate value: "web"
 * deployment.apps/api valid
 *   warning: unknown field "spec.replica"
 * error: broken.yaml:7:3: mapping values are not allowed here
 * 3 objects: 2 valid, 1 invalid, 1 file with errors
 * </pre>
 *
 * <p>Exit code 0 when every file was read and every object is valid, 1 otherwise.
 *
 * <p>Real Kubernetes: {@code kubectl apply --dry-run=server -f FILE -R} against a new cluster.
 */
@Command(name = "validate",
        description = {
                "Check manifests the way a cluster would: each object is dry-run against a fresh, empty "
                        + "in-process cluster (defaulting, admission, validation), and nothing is kept.",
                "",
                "FILE is a manifest (YAML with one or more documents, KYAML or JSON), a directory "
                        + "(every *.yaml, *.yml and *.json below it, in name order), or - for standard input. "
                        + "Namespaces the objects name are taken as existing."},
        footer = {"", "Exit status: 0 if every object is valid, 1 if any is invalid or a file has errors, "
                + "2 for a usage error.",
                "", "Example:", "  kubelab validate pods/simple-pod.yaml controllers/"},
        descriptionHeading = "%n",
        parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class ValidateCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "manifest files or directories; - reads standard input")
    private List<String> files;

    /** The {@code kubelab} command, which holds standard input (tests give their own). */
    @ParentCommand
    private Main parent;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        ManifestSources sources = new ManifestSources(Path.of("").toAbsolutePath(), parent.stdin());
        Validation.Report report = Validation.run(files, sources);
        printReport(out, report);
        out.flush();
        return report.ok() ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }

    /** The report, one object per line with its errors and warnings, then the summary line. */
    static void printReport(PrintWriter out, Validation.Report report) {
        for (Validation.Entry entry : report.entries()) {
            print(out, entry);
        }
        out.println(summary(report));
    }

    private static void print(PrintWriter out, Validation.Entry entry) {
        if (entry instanceof Validation.Failed failed) {
            out.println("error: " + failed.message());
            return;
        }
        Validation.Checked checked = (Validation.Checked) entry;
        boolean valid = checked.outcome().valid();
        out.println(ResourceNames.of(checked.type(), checked.name()) + (valid ? " valid" : " invalid"));
        if (!valid) {
            for (String error : errors(checked.outcome().failure())) {
                out.println("  error: " + error);
            }
        }
        for (String warning : checked.decoded().warnings()) {
            out.println("  warning: " + warning);
        }
    }

    /**
     * One line per field cause ({@code spec.containers: Required value}), or the Status message
     * when there are none, as for a Forbidden or BadRequest.
     */
    static List<String> errors(Status status) {
        List<Status.Cause> causes = status.details() == null ? List.of() : status.details().causes();
        if (causes.isEmpty()) {
            return List.of(status.message());
        }
        return causes.stream()
                .map(c -> c.field() == null || c.field().isEmpty() ? c.message() : c.field() + ": " + c.message())
                .toList();
    }

    /** {@code 12 objects: 11 valid, 1 invalid}, then {@code , 2 files with errors} if any. */
    static String summary(Validation.Report report) {
        String line = count(report.objects(), "object") + ": " + report.valid() + " valid, " + report.invalid() + " invalid";
        if (report.filesWithErrors() > 0) {
            line += ", " + count(report.filesWithErrors(), "file") + " with errors";
        }
        return line;
    }

    private static String count(int n, String noun) {
        return n + " " + noun + (n == 1 ? "" : "s");
    }
}
