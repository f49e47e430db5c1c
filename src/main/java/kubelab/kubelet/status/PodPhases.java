package kubelab.kubelet.status;

import java.util.List;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.RestartPolicy;

/**
 * A pod's phase from its container statuses: Pending until its init containers are done and some
 * container runs, Running while one runs (or will restart), Succeeded when all exited 0 and none
 * restarts, Failed when one failed and none restarts, or an init container failed under
 * {@code restartPolicy: Never}.
 *
 * <p>Real Kubernetes: {@code getPhase} in {@code pkg/kubelet/kubelet_pods.go}.
 */
public final class PodPhases {
    private PodPhases() {
    }

    /**
     * @param podIsTerminal the pod is being shut down (deleted) and will not start anything again
     */
    public static String getPhase(PodSpec spec, List<ContainerStatus> initStatuses, List<ContainerStatus> statuses,
                                  boolean podIsTerminal) {
        String policy = spec.restartPolicy() == null ? RestartPolicy.ALWAYS : spec.restartPolicy();
        int pendingInit = 0;
        int failedInit = 0;
        for (Container c : spec.initContainers()) {
            ContainerStatus s = find(initStatuses, c.name());
            if (c.isSidecar()) {
                if (s == null || s.state() == null || s.state().running() == null) {
                    if (!anyAppStarted(spec, statuses)) {
                        pendingInit++;
                    }
                }
                continue;
            }
            if (s == null || s.state() == null) {
                pendingInit++;
            } else if (s.state().running() != null) {
                pendingInit++;
            } else if (s.state().terminated() != null) {
                if (s.state().terminated().exitCode() != null && s.state().terminated().exitCode() != 0) {
                    failedInit++;
                }
            } else if (s.lastState() != null && s.lastState().terminated() != null
                    && s.lastState().terminated().exitCode() != null && s.lastState().terminated().exitCode() != 0) {
                failedInit++;
            } else {
                pendingInit++;
            }
        }
        int unknown = 0;
        int running = 0;
        int waiting = 0;
        int stopped = 0;
        int succeeded = 0;
        for (Container c : spec.containers()) {
            ContainerStatus s = find(statuses, c.name());
            if (s == null || s.state() == null) {
                unknown++;
            } else if (s.state().running() != null) {
                running++;
            } else if (s.state().terminated() != null) {
                stopped++;
                if (Integer.valueOf(0).equals(s.state().terminated().exitCode())) {
                    succeeded++;
                }
            } else if (s.lastState() != null && s.lastState().terminated() != null) {
                stopped++;
            } else {
                waiting++;
            }
        }
        if (failedInit > 0 && RestartPolicy.NEVER.equals(policy)) {
            return PodPhase.FAILED;
        }
        if (pendingInit > 0 || failedInit > 0) {
            // Init containers still to run, or to be retried: the pod is not yet started.
            return podIsTerminal ? PodPhase.FAILED : PodPhase.PENDING;
        }
        if (waiting > 0) {
            return podIsTerminal ? PodPhase.FAILED : PodPhase.PENDING;
        }
        if (running > 0 && unknown == 0) {
            return PodPhase.RUNNING;
        }
        if (running == 0 && stopped > 0 && unknown == 0) {
            if (podIsTerminal) {
                return stopped == succeeded ? PodPhase.SUCCEEDED : PodPhase.FAILED;
            }
            if (RestartPolicy.ALWAYS.equals(policy)) {
                return PodPhase.RUNNING; // it is restarting
            }
            if (stopped == succeeded) {
                return PodPhase.SUCCEEDED;
            }
            if (RestartPolicy.NEVER.equals(policy)) {
                return PodPhase.FAILED;
            }
            return PodPhase.RUNNING; // OnFailure: the failed ones restart
        }
        return podIsTerminal && unknown == 0 ? PodPhase.FAILED : PodPhase.PENDING;
    }

    static boolean anyAppStarted(PodSpec spec, List<ContainerStatus> statuses) {
        for (Container c : spec.containers()) {
            ContainerStatus s = find(statuses, c.name());
            if (s != null && (Boolean.TRUE.equals(s.started()) || (s.state() != null && s.state().terminated() != null))) {
                return true;
            }
        }
        return false;
    }

    static ContainerStatus find(List<ContainerStatus> statuses, String name) {
        for (ContainerStatus s : statuses) {
            if (name.equals(s.name())) {
                return s;
            }
        }
        return null;
    }
}
