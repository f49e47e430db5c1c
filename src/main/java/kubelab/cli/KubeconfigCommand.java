package kubelab.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/**
 * {@code kubelab kubeconfig}: prints the kubeconfig {@code kubelab serve} wrote, with the CA,
 * the server's address and the admin and viewer tokens, ready for {@code kubectl --kubeconfig}.
 *
 * <p>Real Kubernetes: {@code kind get kubeconfig}, or {@code /etc/kubernetes/admin.conf} on a
 * kubeadm control-plane node.
 */
@Command(name = "kubeconfig",
        description = "Print the kubeconfig that `kubelab serve` wrote (contexts kubelab and kubelab-viewer).",
        footer = {"", "Examples:", "  kubelab kubeconfig > ~/.kube/kubelab.yaml",
                "  KUBECONFIG=~/.kube/kubelab.yaml kubectl get pods"},
        descriptionHeading = "%n",
        optionListHeading = "%nOptions:%n")
final class KubeconfigCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Mixin
    private HelpOption help;

    @Option(names = "--data-dir", paramLabel = "DIR", description = "the serve command's data directory (default: ~/.kubelab)")
    private Path dataDir;

    @Override
    public Integer call() throws Exception {
        Path file = (dataDir != null ? dataDir : ServeCommand.defaultDataDir()).resolve("kubeconfig");
        if (!Files.isRegularFile(file)) {
            spec.commandLine().getErr().println("kubelab kubeconfig: no kubeconfig at " + file
                    + "; start the server first with `./kubelab serve`" + (dataDir != null ? " --data-dir " + dataDir : ""));
            return 1;
        }
        spec.commandLine().getOut().print(Files.readString(file));
        spec.commandLine().getOut().flush();
        return 0;
    }
}
