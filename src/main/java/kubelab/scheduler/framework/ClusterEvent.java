package kubelab.scheduler.framework;

/**
 * A change in the cluster that may make an unschedulable pod schedulable: a resource (Node, or an
 * assigned Pod) and what happened to it. The queue compares these against the events each
 * rejecting plugin registered ({@link EnqueueExtensions}) to decide whether to retry a pod.
 *
 * <p>Real Kubernetes: {@code ClusterEvent} and {@code ActionType} in
 * {@code pkg/scheduler/framework/types.go}; the named events in {@code internal/queue/events.go}.
 */
public record ClusterEvent(String resource, ActionType actionType, String label) {

    /** What happened, as fine-grained as the plugins care about. */
    public enum ActionType {
        Add, Delete, UpdateNodeAllocatable, UpdateNodeLabel, UpdateNodeTaint, UpdateNodeCondition,
        UpdatePodLabel, UpdatePodScaleDown, Update
    }

    public static final String NODE = "Node";
    public static final String POD = "Pod";

    public static final ClusterEvent NODE_ADD = new ClusterEvent(NODE, ActionType.Add, "NodeAdd");
    public static final ClusterEvent NODE_ALLOCATABLE_CHANGE =
            new ClusterEvent(NODE, ActionType.UpdateNodeAllocatable, "NodeAllocatableChange");
    public static final ClusterEvent NODE_LABEL_CHANGE = new ClusterEvent(NODE, ActionType.UpdateNodeLabel, "NodeLabelChange");
    public static final ClusterEvent NODE_TAINT_CHANGE = new ClusterEvent(NODE, ActionType.UpdateNodeTaint, "NodeTaintChange");
    public static final ClusterEvent NODE_CONDITION_CHANGE =
            new ClusterEvent(NODE, ActionType.UpdateNodeCondition, "NodeConditionChange");
    public static final ClusterEvent ASSIGNED_POD_ADD = new ClusterEvent(POD, ActionType.Add, "AssignedPodAdd");
    public static final ClusterEvent ASSIGNED_POD_UPDATE = new ClusterEvent(POD, ActionType.UpdatePodLabel, "AssignedPodUpdate");
    public static final ClusterEvent ASSIGNED_POD_DELETE = new ClusterEvent(POD, ActionType.Delete, "AssignedPodDelete");
    /** Sent when the 5-minute limit in the unschedulable pool runs out: matches every plugin. */
    public static final ClusterEvent UNSCHEDULABLE_TIMEOUT =
            new ClusterEvent("*", ActionType.Update, "UnschedulableTimeout");

    /** What a plugin that registers no events is interested in: everything. */
    public static final ClusterEvent WILDCARD = new ClusterEvent("*", ActionType.Update, "WildCardEvent");

    /** Whether this event is one a plugin registered for ({@code interest}). */
    public boolean matches(ClusterEvent interest) {
        return "*".equals(resource) || "*".equals(interest.resource())
                || (resource.equals(interest.resource()) && actionType == interest.actionType());
    }

    @Override
    public String toString() {
        return label;
    }
}
