package kubelab.client.leaderelection;

import java.util.Objects;
import kubelab.api.coordination.Lease;
import kubelab.api.coordination.LeaseSpec;
import kubelab.apiserver.Api;
import kubelab.client.record.EventRecorder;

/**
 * A {@link ResourceLock} kept in a {@code coordination.k8s.io/v1} Lease: the record's fields are
 * the Lease's {@code spec.holderIdentity}, {@code leaseDurationSeconds}, {@code acquireTime},
 * {@code renewTime} and {@code leaseTransitions}. It remembers the Lease as last read or written,
 * and every update sends that Lease's resourceVersion, so a stale writer gets a 409 Conflict.
 * {@code spec.strategy} and {@code spec.preferredHolder} are kept as found.
 *
 * <p>Events about the Lease use reason {@code LeaderElection}, as in
 * {@code kubectl get events -n kube-system}: {@code "node-1_5f0c... became leader"}.
 *
 * <p>Real Kubernetes: {@code resourcelock.LeaseLock} in {@code client-go/tools/leaderelection}.
 */
public final class LeaseLock implements ResourceLock {
    private final Api api;
    private final String namespace;
    private final String name;
    private final String identity;
    private final EventRecorder recorder;
    /** The Lease as last read or written: its resourceVersion guards the next update. */
    private Lease lease;

    /**
     * @param recorder where "became leader" / "stopped leading" Events go; null drops them
     */
    public LeaseLock(Api api, String namespace, String name, String identity, EventRecorder recorder) {
        this.api = Objects.requireNonNull(api, "api");
        this.namespace = Objects.requireNonNull(namespace, "namespace");
        this.name = Objects.requireNonNull(name, "name");
        this.identity = Objects.requireNonNull(identity, "identity");
        this.recorder = recorder == null ? EventRecorder.discarding() : recorder;
    }

    @Override
    public LeaderElectionRecord get() {
        lease = api.get(Lease.class, namespace, name);
        return toRecord(lease.spec());
    }

    @Override
    public void create(LeaderElectionRecord record) {
        lease = api.create(Lease.of(namespace, name, toSpec(record, null)));
    }

    @Override
    public void update(LeaderElectionRecord record) {
        if (lease == null) {
            throw new IllegalStateException("lease " + describe() + " not initialized: call get or create first");
        }
        // The read Lease still carries its resourceVersion: the server refuses the write with a
        // 409 if anyone wrote in between.
        lease = api.update(lease.withSpec(toSpec(record, lease.spec())));
    }

    @Override
    public void recordEvent(String what) {
        if (lease != null) {
            recorder.event(lease, "Normal", "LeaderElection", identity + " " + what);
        }
    }

    @Override
    public String identity() {
        return identity;
    }

    @Override
    public String describe() {
        return namespace + "/" + name;
    }

    /** A Lease without a spec, or with fields left out, reads as "nobody, 0 s, 0 transitions". */
    static LeaderElectionRecord toRecord(LeaseSpec spec) {
        if (spec == null) {
            return new LeaderElectionRecord("", 0, null, null, 0);
        }
        return new LeaderElectionRecord(spec.holderIdentity(),
                spec.leaseDurationSeconds() == null ? 0 : spec.leaseDurationSeconds(),
                spec.acquireTime(), spec.renewTime(),
                spec.leaseTransitions() == null ? 0 : spec.leaseTransitions());
    }

    static LeaseSpec toSpec(LeaderElectionRecord record, LeaseSpec old) {
        return new LeaseSpec(record.holderIdentity(), record.leaseDurationSeconds(), record.acquireTime(),
                record.renewTime(), record.leaderTransitions(),
                old == null ? null : old.strategy(), old == null ? null : old.preferredHolder());
    }
}
