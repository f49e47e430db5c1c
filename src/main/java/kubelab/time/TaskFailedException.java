package kubelab.time;

/**
 * A task on a {@link SimulatedLoop} threw: the message names the task and the virtual time, the
 * cause is what it threw. The driving method ({@code settle}, {@code advance}, ...) that ran the
 * task throws this, so a test fails instead of logging.
 *
 * <p>Real Kubernetes: none; a Go test would see a panic or a logged error instead.
 */
public final class TaskFailedException extends RuntimeException {
    TaskFailedException(String message, Throwable cause) {
        super(message, cause);
    }
}
