package kubelab.kubelet;

import java.time.Instant;
import java.util.List;
import kubelab.api.coordination.Lease;
import kubelab.api.coordination.LeaseSpec;
import kubelab.api.core.Node;
import kubelab.api.meta.MicroTime;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.time.Clock;

/**
 * The kubelet's cheap heartbeat: the Lease {@code kube-node-lease/<node>}, held by the node and
 * renewed every quarter of its 40 s duration. The node lifecycle controller reads its
 * {@code renewTime}; the Lease is owned by the Node, so it goes when the Node is deleted.
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/nodelease} over
 * {@code k8s.io/component-helpers/apimachinery/lease} ({@code controller.go}).
 */
final class NodeLeaseController {
    static final String NAMESPACE = "kube-node-lease";

    private final Api api;
    private final String nodeName;
    private final int durationSeconds;
    private final Clock clock;

    NodeLeaseController(Api api, String nodeName, int durationSeconds, Clock clock) {
        this.api = api;
        this.nodeName = nodeName;
        this.durationSeconds = durationSeconds;
        this.clock = clock;
    }

    /** Renews the Lease, creating it (owned by {@code node}) if it does not exist. */
    void renew(Node node) {
        MicroTime now = MicroTime.of(clock.now());
        try {
            Lease lease = api.get(Lease.class, NAMESPACE, nodeName);
            LeaseSpec spec = lease.spec() == null ? new LeaseSpec(null, null, null, null, null, null, null) : lease.spec();
            api.update(lease.withSpec(new LeaseSpec(nodeName, durationSeconds, spec.acquireTime(), now,
                    spec.leaseTransitions(), spec.strategy(), spec.preferredHolder())));
        } catch (ApiException e) {
            if (e.code() == 404) {
                create(node, now);
            } else if (e.code() != 409) {
                throw e;
            } // a conflict: the next renewal, 10 s on, writes again
        }
    }

    private void create(Node node, MicroTime now) {
        Lease lease = Lease.of(NAMESPACE, nodeName, new LeaseSpec(nodeName, durationSeconds, null, now, null, null, null));
        if (node != null && node.metadata().uid() != null) {
            lease = lease.withMetadata(lease.metadata().withOwnerReferences(List.of(new OwnerReference(
                    Node.API_VERSION, Node.KIND, nodeName, node.metadata().uid(), null, null))));
        }
        try {
            api.create(lease);
        } catch (ApiException e) {
            if (e.code() != 409) {
                throw e;
            }
        }
    }

    /** When the Lease was last renewed, or null. */
    Instant renewTime() {
        try {
            Lease lease = api.get(Lease.class, NAMESPACE, nodeName);
            return lease.spec() == null || lease.spec().renewTime() == null ? null : lease.spec().renewTime().time();
        } catch (ApiException e) {
            return null;
        }
    }
}
