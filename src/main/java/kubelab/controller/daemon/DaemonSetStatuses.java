package kubelab.controller.daemon;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.DaemonSetStatus;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * A DaemonSet's status, counted per node: {@code desiredNumberScheduled} (nodes that should run
 * the pod), {@code currentNumberScheduled} (of those, nodes that have one),
 * {@code numberMisscheduled} (nodes that have one but should not), and, looking at the oldest pod
 * on each wanted node, how many are ready, available (ready for {@code minReadySeconds}) and
 * made from the current template. {@code numberUnavailable} is desired minus available.
 *
 * <p>Real Kubernetes: {@code updateDaemonSetStatus} and {@code storeDaemonSetStatus} in
 * {@code pkg/controller/daemon/daemon_controller.go}.
 */
final class DaemonSetStatuses {
    /** Scheduled pods first, then oldest first, then by name. */
    static final Comparator<Pod> BY_CREATION_TIMESTAMP_AND_PHASE = Comparator
            .comparing((Pod p) -> p.spec().nodeName() == null || p.spec().nodeName().isEmpty())
            .thenComparing(p -> p.metadata().creationTimestamp(), Comparator.nullsLast(Comparator.naturalOrder()))
            .thenComparing(Pod::name);

    private DaemonSetStatuses() {
    }

    /**
     * The status the DaemonSet should have.
     *
     * @param nodeToDaemonPods its pods by node name, pods being deleted left out
     * @param observedGen      whether this sync acted on the current generation
     */
    // tag::daemonset-status[]
    static DaemonSetStatus calculate(DaemonSet ds, List<Node> nodes, NodeShouldRunDaemonPod predicates,
                                     Map<String, List<Pod>> nodeToDaemonPods, String hash, Instant now,
                                     boolean observedGen) {
        int desired = 0;
        int current = 0;
        int misscheduled = 0;
        int ready = 0;
        int available = 0;
        int updated = 0;
        int minReady = RollingUpdate.minReadySeconds(ds);
        for (Node node : nodes) {
            boolean shouldRun = predicates.check(node).shouldRun();
            List<Pod> pods = nodeToDaemonPods.getOrDefault(node.name(), List.of());
            boolean scheduled = !pods.isEmpty();
            if (!shouldRun) {
                if (scheduled) {
                    misscheduled++;
                }
                continue;
            }
            desired++;
            if (!scheduled) {
                continue;
            }
            current++;
            Pod pod = pods.stream().min(BY_CREATION_TIMESTAMP_AND_PHASE).orElseThrow();
            if (DaemonSetUtil.isPodReady(pod)) {
                ready++;
                if (DaemonSetUtil.isPodAvailable(pod, minReady, now)) {
                    available++;
                }
            }
            if (DaemonSetUtil.isPodUpdated(pod, hash, ds.metadata().generation())) {
                updated++;
            }
        }
        DaemonSetStatus old = ds.status();
        Long observedGeneration = observedGen ? ds.metadata().generation() : old == null ? null : old.observedGeneration();
        return new DaemonSetStatus(current, misscheduled, desired, ready, observedGeneration, updated, available,
                desired - available, old == null ? null : old.collisionCount(), old == null ? null : old.conditions());
    }
    // end::daemonset-status[]

    /** Writes {@code status} if it differs from the stored one; on a conflict re-reads once and retries. */
    static void updateIfChanged(Api api, DaemonSet ds, DaemonSetStatus status) {
        if (equal(ds.status(), status)) {
            return;
        }
        try {
            api.updateStatus(ds.withStatus(status));
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
            DaemonSet fresh = api.get(DaemonSet.class, ds.namespace(), ds.name());
            api.updateStatus(fresh.withStatus(status));
        }
    }

    private static boolean equal(DaemonSetStatus a, DaemonSetStatus b) {
        if (a == null) {
            return false;
        }
        return Objects.equals(zero(a.currentNumberScheduled()), zero(b.currentNumberScheduled()))
                && Objects.equals(zero(a.numberMisscheduled()), zero(b.numberMisscheduled()))
                && Objects.equals(zero(a.desiredNumberScheduled()), zero(b.desiredNumberScheduled()))
                && Objects.equals(zero(a.numberReady()), zero(b.numberReady()))
                && Objects.equals(a.observedGeneration(), b.observedGeneration())
                && Objects.equals(zero(a.updatedNumberScheduled()), zero(b.updatedNumberScheduled()))
                && Objects.equals(zero(a.numberAvailable()), zero(b.numberAvailable()))
                && Objects.equals(zero(a.numberUnavailable()), zero(b.numberUnavailable()));
    }

    private static int zero(Integer v) {
        return v == null ? 0 : v;
    }
}
