package kubelab.scheduler.framework.runtime;

import static kubelab.scheduler.framework.ClusterEvent.ASSIGNED_POD_ADD;
import static kubelab.scheduler.framework.ClusterEvent.ASSIGNED_POD_DELETE;
import static kubelab.scheduler.framework.ClusterEvent.ASSIGNED_POD_UPDATE;
import static kubelab.scheduler.framework.ClusterEvent.NODE_ADD;
import static kubelab.scheduler.framework.ClusterEvent.NODE_ALLOCATABLE_CHANGE;
import static kubelab.scheduler.framework.ClusterEvent.NODE_LABEL_CHANGE;
import static kubelab.scheduler.framework.ClusterEvent.NODE_TAINT_CHANGE;

import java.util.Map;
import java.util.Set;
import kubelab.scheduler.framework.ClusterEvent;
import kubelab.scheduler.framework.EnqueueExtensions;
import kubelab.scheduler.framework.Plugin;
import kubelab.scheduler.plugins.Names;

/**
 * For each in-tree plugin, the cluster events after which a pod it rejected may fit: a node
 * added, or one of its labels, taints or allocatable changed; an assigned pod deleted (room freed,
 * ports released) or, for the plugins that count pods, added or relabelled.
 *
 * <p>Real Kubernetes: each plugin's {@code EventsToRegister} (here gathered in one table; a plugin
 * of one's own implements {@link EnqueueExtensions} instead, and one that does neither is
 * retried on every event).
 */
final class DefaultEvents {
    private static final Map<String, Set<ClusterEvent>> IN_TREE = Map.of(
            Names.NODE_UNSCHEDULABLE, Set.of(NODE_ADD, NODE_TAINT_CHANGE),
            Names.NODE_NAME, Set.of(NODE_ADD),
            Names.TAINT_TOLERATION, Set.of(NODE_ADD, NODE_TAINT_CHANGE),
            Names.NODE_AFFINITY, Set.of(NODE_ADD, NODE_LABEL_CHANGE),
            Names.NODE_PORTS, Set.of(ASSIGNED_POD_DELETE, NODE_ADD),
            Names.NODE_RESOURCES_FIT, Set.of(ASSIGNED_POD_DELETE, NODE_ADD, NODE_ALLOCATABLE_CHANGE),
            Names.POD_TOPOLOGY_SPREAD, Set.of(ASSIGNED_POD_ADD, ASSIGNED_POD_UPDATE, ASSIGNED_POD_DELETE, NODE_ADD,
                    NODE_LABEL_CHANGE, NODE_TAINT_CHANGE),
            Names.INTER_POD_AFFINITY, Set.of(ASSIGNED_POD_ADD, ASSIGNED_POD_UPDATE, ASSIGNED_POD_DELETE, NODE_ADD,
                    NODE_LABEL_CHANGE));

    private DefaultEvents() {
    }

    static Set<ClusterEvent> of(Plugin plugin) {
        if (plugin instanceof EnqueueExtensions e) {
            return e.eventsToRegister();
        }
        return IN_TREE.getOrDefault(plugin.name(), Set.of(ClusterEvent.WILDCARD));
    }
}
