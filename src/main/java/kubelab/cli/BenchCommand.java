package kubelab.cli;

import java.util.concurrent.Callable;
import kubelab.bench.Bench;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code kubelab bench}: the foundation measured at the Kubernetes envelope (see {@link Bench}).
 * Give the JVM room: {@code JAVA_OPTS=-Xmx8g ./kubelab bench}.
 */
@Command(name = "bench",
        description = {"Measure the store and the API server at the Kubernetes scale envelope: write throughput, "
                + "watch fan-out to one watch per node, list costs, and the heap the cluster state takes. "
                + "Figures depend on the machine; the README's Performance section records them."},
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class BenchCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--nodes", defaultValue = "5000", description = "nodes, each with a spec.nodeName watch (default: ${DEFAULT-VALUE})")
    private int nodes;

    @Option(names = "--pods", defaultValue = "150000", description = "pods to create (default: ${DEFAULT-VALUE})")
    private int pods;

    @Option(names = "--schedule", defaultValue = "5000",
            description = "pods the scheduler places on the --nodes nodes (default: ${DEFAULT-VALUE})")
    private int schedule;

    @Option(names = "--cluster-nodes", defaultValue = "100",
            description = "nodes of the whole-cluster run, each a kubelet and a runtime (default: ${DEFAULT-VALUE})")
    private int clusterNodes;

    @Option(names = "--replicas", defaultValue = "3000",
            description = "pods of the whole-cluster run's Deployment (default: ${DEFAULT-VALUE})")
    private int replicas;

    @Override
    public Integer call() {
        if (nodes < 1 || pods < 1 || schedule < 1 || clusterNodes < 1 || replicas < 1) {
            throw new picocli.CommandLine.ParameterException(spec.commandLine(),
                    "--nodes, --pods, --schedule, --cluster-nodes and --replicas must be at least 1");
        }
        var out = spec.commandLine().getOut();
        new Bench(out, nodes, pods, schedule, clusterNodes, replicas).run();
        out.flush();
        return Main.EXIT_OK;
    }
}
