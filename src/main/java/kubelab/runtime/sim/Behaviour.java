package kubelab.runtime.sim;

/**
 * What an image's program does, as a factory of {@link ContainerProcess}es: one small class per
 * program (pause, nginx, stress, perl, agnhost, ...), chosen by the image catalogue's
 * {@code behaviour} field.
 *
 * <p>Real Kubernetes: none; the image's binaries. This is KubeLab's stand-in for them.
 */
@FunctionalInterface
public interface Behaviour {

    /**
     * Starts the program named by {@code ctx.argv()}, or returns null if this image does not have
     * that program: the runtime then runs the command line with the image's shell, if it has one,
     * and otherwise fails the start ({@code executable file not found in $PATH}).
     */
    ContainerProcess start(ProcessContext ctx);
}
