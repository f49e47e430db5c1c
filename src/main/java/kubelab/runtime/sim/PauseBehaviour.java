package kubelab.runtime.sim;

import java.util.OptionalInt;
import kubelab.runtime.shell.Step;

/**
 * The pause container: holds the pod's namespaces and sleeps until it is told to stop. It catches
 * SIGTERM, says so on stderr and exits 0.
 *
 * <p>Real Kubernetes: {@code build/pause/linux/pause.c} ({@code registry.k8s.io/pause}).
 */
final class PauseBehaviour implements Behaviour {

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        if (!ctx.program().equals("pause")) {
            return null;
        }
        return new ContainerProcess() {
            @Override
            public Step step() {
                return Processes.serve();
            }

            @Override
            public OptionalInt terminate() {
                ctx.out().stderr("Shutting down, got signal: Terminated\n");
                return OptionalInt.of(0);
            }

            @Override
            public long cpuNanoCores() {
                return 0;
            }

            @Override
            public long memoryBytes() {
                return 300L << 10;
            }
        };
    }
}
