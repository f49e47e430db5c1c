package kubelab.api.batch;

import java.util.List;

/**
 * UIDs of finished pods the Job controller has seen but not yet added to the counters. Recording
 * them before removing the pods' tracking finalizer means no pod is counted twice or lost.
 *
 * <p>Real Kubernetes: {@code batchv1.UncountedTerminatedPods}.
 */
public record UncountedTerminatedPods(List<String> succeeded, List<String> failed) {
    public UncountedTerminatedPods {
        succeeded = succeeded == null ? List.of() : List.copyOf(succeeded);
        failed = failed == null ? List.of() : List.copyOf(failed);
    }
}
