package kubelab.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import kubelab.api.coordination.Lease;
import kubelab.api.meta.MicroTime;
import kubelab.apiserver.ApiException;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaseLockTest {
    private final Election election = new Election(1);
    private final MicroTime t = MicroTime.of(Instant.parse("2026-01-01T00:00:00Z"));

    private LeaseLock lock(String identity) {
        return new LeaseLock(election.api, "kube-system", "kube-scheduler", identity, null);
    }

    @Test
    @DisplayName("the record is the Lease's spec: holderIdentity, leaseDurationSeconds, acquireTime, renewTime, leaseTransitions")
    void recordIsTheLeaseSpec() {
        lock("a").create(new LeaderElectionRecord("a", 15, t, t, 3));

        Lease lease = election.lease();
        assertThat(lease.spec().holderIdentity()).isEqualTo("a");
        assertThat(lease.spec().leaseDurationSeconds()).isEqualTo(15);
        assertThat(lease.spec().acquireTime()).isEqualTo(t);
        assertThat(lease.spec().renewTime()).isEqualTo(t);
        assertThat(lease.spec().leaseTransitions()).isEqualTo(3);
        assertThat(lock("b").get()).isEqualTo(new LeaderElectionRecord("a", 15, t, t, 3));
    }

    @Test
    @DisplayName("of two candidates that read the same Lease, the second to write gets a 409 Conflict")
    void staleWriteIsAConflict() {
        lock("a").create(new LeaderElectionRecord("", 1, t, t, 0));
        LeaseLock b = lock("b");
        LeaseLock c = lock("c");
        b.get();
        c.get();

        b.update(new LeaderElectionRecord("b", 15, t, t, 1));

        assertThatThrownBy(() -> c.update(new LeaderElectionRecord("c", 15, t, t, 1)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(409));
        assertThat(election.lease().spec().holderIdentity()).isEqualTo("b");
    }

    @Test
    @DisplayName("a Lease that is absent reads as 404, and an update before any read is refused")
    void absentLease() {
        LeaseLock a = lock("a");
        assertThatThrownBy(a::get).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
        assertThatThrownBy(() -> lock("b").update(new LeaderElectionRecord("b", 15, t, t, 0)))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("call get or create first");
    }
}
