package kubelab.cli;

import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kubelab.api.core.Node;
import kubelab.api.serialization.DecodedObject;
import kubelab.api.serialization.Json;
import kubelab.cluster.Applier;
import kubelab.cluster.Cluster;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParentCommand;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kubelab run FILE...}: what would a cluster do with these manifests? A fresh simulated
 * cluster applies every object at virtual time 0, in file order, then runs until it is settled or
 * {@code --for} has passed, and prints what happened: the timeline of Events, then the tables
 * kubectl would show. {@code -o json} prints the same as one JSON document for tools.
 *
 * <p>Files are read and checked exactly as {@code validate} does first; if any is broken, nothing
 * is applied and the errors are printed instead. An object the cluster refuses (a namespace that
 * does not exist yet) is an outcome, printed as kubectl prints it, and the run goes on.
 *
 * <p>Real Kubernetes: {@code kind create cluster}, {@code kubectl apply -f FILE...}, a wait, then
 * {@code kubectl get events -A} and {@code kubectl get pods,deployments,... -A -o wide}.
 */
@Command(name = "run",
        description = {
                "Run manifests on a fresh simulated cluster and show what happens: the Events in order, "
                        + "with their virtual time, then the final tables (pods -o wide, deployments, "
                        + "replicasets, daemonsets, jobs, nodes).",
                "",
                "Node objects in the files become the cluster's nodes; when there are none, --nodes default "
                        + "nodes (4 CPU, 16Gi memory, 110 pods) are added. The run stops when the cluster is "
                        + "settled (nothing left to happen but heartbeats) or after --for of virtual time."},
        footer = {"", "Exit status: 0 if every object was applied, 1 if a file is broken or the cluster refused "
                + "an object, 2 for a usage error.",
                "", "Examples:", "  kubelab run controllers/nginx-deployment.yaml",
                "  kubelab run --nodes 5 --for 30m -o json pods/probe/exec-liveness.yaml"},
        descriptionHeading = "%n",
        parameterListHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class RunCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @ParentCommand
    private Main parent;

    @Option(names = "--nodes", paramLabel = "N", defaultValue = "3",
            description = "default nodes to add when the files declare no Node (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--seed", paramLabel = "S", defaultValue = "1",
            description = "seed of the random source: the same seed gives the same run (default: ${DEFAULT-VALUE})")
    private long seed;

    @Option(names = "--for", paramLabel = "DURATION", defaultValue = "10m", converter = DurationArgument.class,
            description = "the most virtual time to run, e.g. 90s, 10m, 1h (default: ${DEFAULT-VALUE})")
    private Duration limit;

    @Option(names = {"-o", "--output"}, paramLabel = "FORMAT", defaultValue = "text",
            description = "text (timeline and tables) or json (objects, events, logs)")
    private String output;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "manifest files or directories; - reads standard input")
    private List<String> files;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        if (!output.equals("text") && !output.equals("json")) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "unknown output format \"" + output + "\" (use text or json)");
        }
        if (nodes < 0) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(), "--nodes must be 0 or more");
        }
        ManifestSources sources = new ManifestSources(Path.of("").toAbsolutePath(), parent.stdin());
        Validation.Report report = Validation.run(files, sources);
        if (!report.ok()) {
            ValidateCommand.printReport(out, report);
            out.println("nothing was run: fix the errors above first");
            out.flush();
            return Main.EXIT_FAILURE;
        }
        // A report that is ok holds only objects that were read and typed, in file order.
        List<DecodedObject> decoded = report.entries().stream().map(e -> ((Validation.Checked) e).decoded()).toList();
        boolean declaresNodes = decoded.stream().anyMatch(d -> d.object() instanceof Node);
        Cluster cluster = Cluster.builder().seed(seed).nodes(declaresNodes ? 0 : nodes).build();
        List<Applier.Outcome> applied = new ArrayList<>();
        for (DecodedObject d : decoded) {
            applied.addAll(cluster.apply(d.manifest().source(), List.of(d.object())));
        }
        boolean settled = cluster.settleWithin(limit);
        if (output.equals("json")) {
            out.println(Json.toPrettyJson(RunReport.json(cluster)));
        } else {
            RunReport.text(out, cluster, applied.stream().map(Applier.Outcome::line).toList(), settled, limit);
        }
        out.flush();
        return applied.stream().allMatch(Applier.Outcome::ok) ? Main.EXIT_OK : Main.EXIT_FAILURE;
    }
}
