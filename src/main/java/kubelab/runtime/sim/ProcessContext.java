package kubelab.runtime.sim;

import java.util.List;
import java.util.Map;
import kubelab.runtime.images.CatalogueImage;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.shell.ContainerFs;
import kubelab.runtime.shell.ShellContext;
import kubelab.runtime.shell.ShellOutput;
import kubelab.time.Clock;

/**
 * Everything a container's process sees: its command line, environment, filesystem, log streams,
 * hostname, clock, the pod's IP on the pod network, and the image it came from; and two things it
 * can ask of its runtime: listening on a port of the pod IP, and ending itself.
 *
 * <p>Real Kubernetes: the OCI runtime spec a runtime hands runc ({@code process.args},
 * {@code process.env}, {@code root}, {@code mounts}, the network namespace).
 *
 * @param argv     the command line: the container's command + args resolved against the image
 * @param env        the environment, in order
 * @param workingDir the working directory: the container's, else the image's
 * @param gateway  the pod network's gateway: where the node's own requests (probes) come from
 */
public record ProcessContext(List<String> argv, Map<String, String> env, String workingDir, ContainerFs fs, ShellOutput out,
                             String hostname, Clock clock, String podIp, String gateway, PodNetwork network,
                             CatalogueImage image, Host host) {

    /** The runtime's side of a running process. */
    public interface Host {
        /** Serves {@code port} on the pod IP until the process ends. */
        void listen(int port, PodNetwork.HttpHandler handler);

        /** Ends the process with {@code code} (for instance after {@code nginx -s quit}). */
        void exit(int code);
    }

    /** A copy with another command line: a program started by a wrapper script. */
    public ProcessContext withArgv(List<String> newArgv) {
        return new ProcessContext(newArgv, env, workingDir, fs, out, hostname, clock, podIp, gateway, network, image, host);
    }

    /** What a shell running in this container needs. */
    public ShellContext shellContext(ShellOutput output) {
        return new ShellContext(env, fs, output, hostname, clock, new PodShellNetwork(network), workingDir);
    }

    /** The program's name: the last part of {@code argv[0]}. */
    public String program() {
        String first = argv.isEmpty() ? "" : argv.get(0);
        return first.substring(first.lastIndexOf('/') + 1);
    }

    /** A string parameter of the image's behaviour. */
    public String param(String name, String fallback) {
        return image.param(name, fallback);
    }
}
