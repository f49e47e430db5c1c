package kubelab.scheduler.framework;

import java.util.List;
import kubelab.api.core.Pod;

/**
 * A plugin that looks at the pod and the nodes that passed filtering once, before scoring, and
 * stores what its Score will need in the {@link CycleState}.
 *
 * <p>Real Kubernetes: {@code PreScorePlugin} in {@code pkg/scheduler/framework/interface.go}.
 */
public interface PreScorePlugin extends Plugin {
    Status preScore(CycleState state, Pod pod, List<NodeInfo> nodes);
}
