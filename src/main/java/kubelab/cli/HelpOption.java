package kubelab.cli;

import picocli.CommandLine.Option;

/**
 * The {@code -h, --help} option every verb has, as a picocli mixin: {@code @Mixin HelpOption help;}.
 * Only {@code kubelab} itself has {@code --version}.
 *
 * <p>Real Kubernetes: the {@code --help} flag cobra adds to every kubectl command.
 */
final class HelpOption {
    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;
}
