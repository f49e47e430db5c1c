package kubelab.scheduler.framework;

import java.time.Duration;
import kubelab.api.core.Pod;

/**
 * The last word before binding: Success allows it, a rejection sends the pod back to the queue,
 * and Wait holds the pod (as a {@link WaitingPod}) until a plugin allows or rejects it, or the
 * timeout passes, which rejects it. Gang scheduling is built on this.
 *
 * <p>Real Kubernetes: {@code PermitPlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PermitPlugin extends Plugin {
    /** The verdict, and for Wait how long at most. */
    record Result(Status status, Duration timeout) {
        public static Result allow() {
            return new Result(Status.success(), Duration.ZERO);
        }

        public static Result waitFor(Duration timeout) {
            return new Result(Status.of(Status.Code.Wait), timeout);
        }
    }

    Result permit(CycleState state, Pod pod, String nodeName);
}
