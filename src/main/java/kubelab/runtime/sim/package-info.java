/**
 * Stand-ins for the programs inside images: one {@link kubelab.runtime.sim.Behaviour} per program
 * (pause, the busybox shell, nginx, stress, perl, agnhost, redis, ...), each starting a
 * {@link kubelab.runtime.sim.ContainerProcess} that the simulated runtime steps on the cluster's
 * loop. A process sees only its {@link kubelab.runtime.sim.ProcessContext}: command line,
 * environment, filesystem, log streams, clock and the pod network.
 *
 * <p>Why steps rather than threads: time is virtual, so a process never blocks; it reports that it
 * sleeps (an ordinary timer the runtime sets) or that it waits forever for requests (no timer, so
 * a cluster of idle servers settles). The image catalogue ({@code kubelab.runtime.images}) names a
 * behaviour per repository; adding an image is a YAML entry, adding a program one small class.
 */
package kubelab.runtime.sim;
