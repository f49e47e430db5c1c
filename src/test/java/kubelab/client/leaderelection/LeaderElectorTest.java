package kubelab.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import kubelab.api.coordination.Lease;
import kubelab.api.core.Event;
import kubelab.api.meta.MicroTime;
import kubelab.client.leaderelection.Election.Candidate;
import kubelab.client.record.EventBroadcaster;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

/** Candidates for {@code kube-system/kube-scheduler} sharing one API server, on virtual time. */
class LeaderElectorTest {
    private static final Duration LEASE = LeaderElectionConfig.DEFAULT_LEASE_DURATION;
    private static final Duration RETRY = LeaderElectionConfig.DEFAULT_RETRY_PERIOD;
    private static final Duration RENEW_DEADLINE = LeaderElectionConfig.DEFAULT_RENEW_DEADLINE;
    /** The longest wait between two tries to acquire: retryPeriod * (1 + JitterFactor). */
    private static final Duration MAX_RETRY = Duration.ofMillis((long) (RETRY.toMillis() * (1 + LeaderElector.JITTER_FACTOR)));

    private final Election election = new Election(7);

    @Test
    @DisplayName("exactly one of two candidates leads, and both know which")
    void exactlyOneOfTwoLeads() {
        Candidate a = election.start("a");
        Candidate b = election.start("b");

        election.advance(Duration.ofMinutes(2));

        assertThat(election.leading()).containsExactly(a);
        assertThat(b.startedAt).isNull();
        assertThat(a.observedLeaders).containsExactly("a");
        assertThat(b.observedLeaders).containsExactly("a");
        assertThat(a.elector.isLeader()).isTrue();
        assertThat(b.elector.isLeader()).isFalse();
        assertThat(b.elector.leader()).isEqualTo("a");
        assertThat(election.lease().spec().holderIdentity()).isEqualTo("a");
        assertThat(election.lease().spec().leaseDurationSeconds()).isEqualTo(15);
    }

    @Test
    @DisplayName("the leader renews the lease every retryPeriod and keeps it")
    void leaderRenewsAndKeepsTheLease() {
        Candidate a = election.start("a");
        election.start("b");
        Lease first = election.lease();

        election.advance(Duration.ofMinutes(5));

        Lease now = election.lease();
        assertThat(election.leading()).containsExactly(a);
        assertThat(now.spec().acquireTime()).isEqualTo(first.spec().acquireTime());
        assertThat(Duration.between(now.spec().renewTime().time(), election.loop.now())).isLessThan(RETRY);
        assertThat(now.spec().leaseTransitions()).isZero();
        assertThat(Long.parseLong(now.metadata().resourceVersion()))
                .as("a renewal is a write").isGreaterThan(Long.parseLong(first.metadata().resourceVersion()) + 100);
    }

    @Test
    @DisplayName("when the leader stops without releasing, another takes over leaseDuration after it last saw a renewal")
    void stoppedWithoutReleaseIsTakenOverAfterLeaseDuration() {
        Candidate a = election.start(Election.config("a").withReleaseOnCancel(false));
        Candidate b = election.start("b");
        election.advance(Duration.ofSeconds(30));
        Instant lastRenewal = election.lease().spec().renewTime().time();

        a.elector.stop(); // as a killed process: the lease is left to run out

        assertThat(a.leading).isFalse();
        election.advance(LEASE.minusSeconds(1));
        assertThat(b.leading).as("the lease has not run out yet").isFalse();
        election.advance(Duration.ofSeconds(30));
        assertThat(b.leading).isTrue();
        assertThat(b.startedAt).isAfterOrEqualTo(lastRenewal.plus(LEASE))
                .isBefore(lastRenewal.plus(LEASE).plus(MAX_RETRY).plus(MAX_RETRY));
        assertThat(election.lease().spec().holderIdentity()).isEqualTo("b");
        assertThat(election.overlaps).isEmpty();
    }

    @Test
    @DisplayName("a frozen leader is replaced after leaseDuration; when it wakes it sees it lost and stops within renewDeadline")
    void frozenLeaderIsReplaced() {
        Candidate a = election.start("a");
        Candidate b = election.start("b");
        election.advance(Duration.ofSeconds(30));
        Instant lastRenewal = election.lease().spec().renewTime().time();

        a.loop.freeze();
        election.advance(Duration.ofSeconds(30));

        assertThat(b.leading).isTrue();
        assertThat(b.startedAt).isAfterOrEqualTo(lastRenewal.plus(LEASE));
        assertThat(a.leading).as("a frozen process does not know yet").isTrue();

        a.loop.thaw();
        Instant woke = election.loop.now();
        election.loop.runReady();
        assertThat(a.elector.isLeader()).as("its first try after waking reads b's lease").isFalse();
        election.advance(RENEW_DEADLINE);
        assertThat(a.leading).isFalse();
        assertThat(a.stoppedAt).isBeforeOrEqualTo(woke.plus(RENEW_DEADLINE));
        assertThat(election.lease().spec().holderIdentity()).as("a's release does not touch b's lease").isEqualTo("b");
        assertThat(election.lease().spec().leaseTransitions()).isEqualTo(1);
    }

    @Test
    @DisplayName("a released lease is taken over at the next retry, not after leaseDuration")
    void releasedLeaseIsTakenOverAtNextRetry() {
        Candidate a = election.start("a");
        Candidate b = election.start("b");
        election.advance(Duration.ofSeconds(30));
        Instant released = election.loop.now();

        a.elector.stop();

        Lease lease = election.lease();
        assertThat(lease.spec().holderIdentity()).isEmpty();
        assertThat(lease.spec().leaseDurationSeconds()).isEqualTo(1);
        election.advance(MAX_RETRY);
        assertThat(b.leading).isTrue();
        assertThat(b.startedAt).isAfter(released).isBeforeOrEqualTo(released.plus(MAX_RETRY));
        assertThat(b.observedLeaders).containsExactly("a", "b");
        assertThat(election.lease().spec().leaseTransitions()).isEqualTo(1);
    }

    @Test
    @DisplayName("leaseTransitions counts changes of holder, not renewals")
    void leaseTransitionsCountChangesOfHolder() {
        Candidate a = election.start("a");
        election.start("b");
        election.start("c");
        election.advance(Duration.ofMinutes(1));
        assertThat(election.lease().spec().leaseTransitions()).isZero();

        a.elector.stop();
        election.advance(Duration.ofMinutes(1));
        Candidate second = election.leading().get(0);
        assertThat(election.lease().spec().leaseTransitions()).isEqualTo(1);

        second.elector.stop();
        election.advance(Duration.ofMinutes(1));
        Candidate third = election.leading().get(0);
        assertThat(third).isNotIn(a, second);
        Lease lease = election.lease();
        assertThat(lease.spec().leaseTransitions()).isEqualTo(2);
        assertThat(lease.spec().holderIdentity()).isEqualTo(third.identity);
        assertThat(lease.spec().acquireTime()).isEqualTo(MicroTime.of(third.startedAt));
        assertThat(election.leaderships).isEqualTo(3);
    }

    @Test
    @DisplayName("a leader that cannot renew within renewDeadline stops leading, before anyone can take over")
    void leaderThatCannotRenewStopsLeading() {
        Candidate a = election.start("a");
        Candidate b = election.start("b");
        election.advance(Duration.ofSeconds(30));
        Instant lastRenewal = election.lease().spec().renewTime().time();

        a.api.failWrites = true;
        election.advance(Duration.ofSeconds(11));
        assertThat(a.leading).as("still within the next round's renewDeadline").isTrue();
        election.advance(Duration.ofSeconds(1));

        assertThat(a.leading).isFalse();
        assertThat(a.stoppedAt).isEqualTo(lastRenewal.plus(RETRY).plus(RENEW_DEADLINE));
        assertThat(b.leading).isFalse();
        election.advance(Duration.ofSeconds(20));
        assertThat(b.leading).isTrue();
        assertThat(b.startedAt).isAfterOrEqualTo(lastRenewal.plus(LEASE));
        assertThat(election.overlaps).isEmpty();
    }

    @Test
    @DisplayName("a candidate that first sees a lease waits a full leaseDuration, however old the lease's renewTime")
    void newCandidateWaitsAFullLeaseDurationFromItsOwnObservation() {
        Candidate a = election.start(Election.config("a").withReleaseOnCancel(false));
        election.advance(Duration.ofSeconds(10));
        a.elector.stop();
        election.advance(Duration.ofMinutes(10)); // the lease's renewTime is ten minutes old
        Instant seen = election.loop.now();

        Candidate b = election.start("b");

        election.advance(LEASE.minusMillis(1));
        assertThat(b.leading).as("b's clock is the only one it trusts").isFalse();
        election.advance(MAX_RETRY);
        assertThat(b.leading).isTrue();
        assertThat(b.startedAt).isAfterOrEqualTo(seen.plus(LEASE));
    }

    @Test
    @DisplayName("becoming and stopping leader are Events on the Lease, reason LeaderElection")
    void leadershipIsRecordedAsEvents() {
        EventBroadcaster events = new EventBroadcaster(election.loop).startRecordingToSink(election.api);
        LeaderElector a = LeaderElector.run(election.api, election.loop, Election.config("a"),
                LeaderCallbacks.of(() -> { }, () -> { }), events.newRecorder("default-scheduler", null));
        election.advance(Duration.ofSeconds(5));
        a.stop();
        election.loop.settle();

        assertThat(election.api.list(Event.class, LeaderElectionConfig.KUBE_SYSTEM).items())
                .filteredOn(e -> e.reason().equals("LeaderElection"))
                .extracting(e -> e.involvedObject().kind() + "/" + e.involvedObject().name() + ": " + e.message())
                .containsExactly("Lease/kube-scheduler: a became leader", "Lease/kube-scheduler: a stopped leading");
    }
}
