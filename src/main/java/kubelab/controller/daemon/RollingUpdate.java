package kubelab.controller.daemon;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetUpdateStrategy;
import kubelab.api.apps.RollingUpdateDaemonSet;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.api.meta.IntOrString;

/**
 * One step of a DaemonSet's rolling update, as a pure decision: which old pods to delete and on
 * which nodes to start new ones, given the pods on each node now.
 *
 * <p>Without surge ({@code maxSurge} 0, the default), old pods are deleted while fewer than
 * {@code maxUnavailable} nodes (default 1) are without an available pod, and the controller's
 * ordinary loop then creates the new pod on each emptied node: so with the defaults the update
 * goes one node at a time. With surge, a new pod is started beside the old one on up to
 * {@code maxSurge} nodes, and the old pod is deleted once the new one is available. An old pod
 * that is not available anyway is replaced at once in both modes: it costs no availability.
 *
 * <p>Real Kubernetes: {@code rollingUpdate}, {@code findUpdatedPodsOnNode} and
 * {@code updatedDesiredNodeCounts} in {@code pkg/controller/daemon/update.go}.
 */
public final class RollingUpdate {

    /** What one step does: pods to delete (by name) and nodes to create a new pod on. */
    public record Plan(List<String> oldPodsToDelete, List<String> newNodesToCreate) {
    }

    /** The new and old pod on one node, or {@code ok=false} if there are several of one kind. */
    record UpdatedPods(Pod newPod, Pod oldPod, boolean ok) {
    }

    private RollingUpdate() {
    }

    /**
     * Decides one step.
     *
     * @param nodeToDaemonPods the DaemonSet's pods by node name, in node-name order
     * @param nodes            the nodes, by name
     */
    // tag::rolling-update[]
    public static Plan rollingUpdate(DaemonSet ds, Map<String, List<Pod>> nodeToDaemonPods, Map<String, Node> nodes,
                                     NodeShouldRunDaemonPod predicates, String hash, Instant now) {
        int desired = 0;
        for (Node node : nodes.values()) {
            if (predicates.check(node).shouldRun()) {
                desired++;
            }
        }
        int maxSurge = maxSurge(ds, desired);
        int maxUnavailable = maxUnavailable(ds, desired);
        if (maxSurge == 0 && maxUnavailable == 0) {
            maxUnavailable = 1; // a rollout must be able to make progress
        }
        int minReady = minReadySeconds(ds);
        if (maxSurge == 0) {
            int numUnavailable = 0;
            List<String> allowedReplacementPods = new ArrayList<>();
            List<String> candidatePodsToDelete = new ArrayList<>();
            for (List<Pod> pods : nodeToDaemonPods.values()) {
                UpdatedPods found = findUpdatedPodsOnNode(pods, hash, ds.metadata().generation());
                if (!found.ok() || (found.oldPod() == null) == (found.newPod() == null)) {
                    numUnavailable++; // the ordinary loop creates or prunes here; count it unavailable
                } else if (found.newPod() != null) {
                    if (!DaemonSetUtil.isPodAvailable(found.newPod(), minReady, now)) {
                        numUnavailable++;
                    }
                } else if (!DaemonSetUtil.isPodAvailable(found.oldPod(), minReady, now)) {
                    allowedReplacementPods.add(found.oldPod().name());
                } else if (numUnavailable < maxUnavailable) {
                    candidatePodsToDelete.add(found.oldPod().name());
                }
            }
            int remaining = Math.max(0, Math.min(maxUnavailable - numUnavailable, candidatePodsToDelete.size()));
            List<String> toDelete = new ArrayList<>(allowedReplacementPods);
            toDelete.addAll(candidatePodsToDelete.subList(0, remaining));
            return new Plan(toDelete, List.of());
        }
        int numSurge = 0;
        List<String> allowedNewNodes = new ArrayList<>();
        List<String> candidateNewNodes = new ArrayList<>();
        List<String> oldPodsToDelete = new ArrayList<>();
        for (Map.Entry<String, List<Pod>> e : nodeToDaemonPods.entrySet()) {
            UpdatedPods found = findUpdatedPodsOnNode(e.getValue(), hash, ds.metadata().generation());
            if (!found.ok()) {
                numSurge++; // the ordinary loop prunes the extra pods here first
                continue;
            }
            if (found.oldPod() == null) {
                continue; // nothing old here; the ordinary loop handles a missing pod
            }
            Node node = nodes.get(e.getKey());
            boolean shouldRun = node != null && predicates.check(node).shouldRun();
            if (found.newPod() == null) {
                if (!DaemonSetUtil.isPodAvailable(found.oldPod(), minReady, now)) {
                    if (shouldRun) {
                        allowedNewNodes.add(e.getKey());
                    }
                } else if (numSurge < maxSurge && shouldRun) {
                    candidateNewNodes.add(e.getKey());
                }
            } else if (!DaemonSetUtil.isPodAvailable(found.newPod(), minReady, now)) {
                numSurge++; // surged here, waiting for the new pod to become available
            } else {
                oldPodsToDelete.add(found.oldPod().name());
            }
        }
        int remaining = Math.max(0, Math.min(maxSurge - numSurge, candidateNewNodes.size()));
        List<String> toCreate = new ArrayList<>(allowedNewNodes);
        toCreate.addAll(candidateNewNodes.subList(0, remaining));
        return new Plan(oldPodsToDelete, toCreate);
    }
    // end::rolling-update[]

    /** The one new and one old pod on a node, skipping pods being deleted. */
    static UpdatedPods findUpdatedPodsOnNode(List<Pod> pods, String hash, Long generation) {
        Pod newPod = null;
        Pod oldPod = null;
        for (Pod pod : pods) {
            if (pod.metadata().isBeingDeleted()) {
                continue;
            }
            if (DaemonSetUtil.isPodUpdated(pod, hash, generation)) {
                if (newPod != null) {
                    return new UpdatedPods(null, null, false);
                }
                newPod = pod;
            } else {
                if (oldPod != null) {
                    return new UpdatedPods(null, null, false);
                }
                oldPod = pod;
            }
        }
        return new UpdatedPods(newPod, oldPod, true);
    }

    /** Whether the DaemonSet may run an old and a new pod on one node at once. */
    static boolean allowsSurge(DaemonSet ds) {
        RollingUpdateDaemonSet r = rollingUpdateOf(ds);
        return r != null && r.maxSurge() != null && r.maxSurge().scaledValue(1, true) != 0;
    }

    static int maxSurge(DaemonSet ds, int desired) {
        RollingUpdateDaemonSet r = rollingUpdateOf(ds);
        IntOrString v = r == null ? null : r.maxSurge();
        return v == null ? 0 : v.scaledValue(desired, true);
    }

    static int maxUnavailable(DaemonSet ds, int desired) {
        RollingUpdateDaemonSet r = rollingUpdateOf(ds);
        IntOrString v = r == null ? null : r.maxUnavailable();
        return v == null ? 1 : v.scaledValue(desired, true);
    }

    static boolean isRollingUpdate(DaemonSet ds) {
        DaemonSetUpdateStrategy s = ds.spec().updateStrategy();
        return s == null || s.type() == null || DaemonSetUpdateStrategy.ROLLING_UPDATE.equals(s.type());
    }

    static int minReadySeconds(DaemonSet ds) {
        return ds.spec().minReadySeconds() == null ? 0 : ds.spec().minReadySeconds();
    }

    private static RollingUpdateDaemonSet rollingUpdateOf(DaemonSet ds) {
        DaemonSetUpdateStrategy s = ds.spec().updateStrategy();
        return s == null ? null : s.rollingUpdate();
    }
}
