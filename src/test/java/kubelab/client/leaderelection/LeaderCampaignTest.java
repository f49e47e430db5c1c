package kubelab.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.client.leaderelection.Election.Candidate;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

class LeaderCampaignTest {
    private final Election election = new Election(11);
    private final List<String> log = new ArrayList<>();

    private LeaderCampaign campaign(FlakyApi api, String identity) {
        return LeaderCampaign.run(api, election.loop, Election.config(identity),
                LeaderCallbacks.of(() -> log.add(identity + " started at +" + election.elapsed().toSeconds() + "s"),
                        () -> log.add(identity + " stopped at +" + election.elapsed().toSeconds() + "s")), null);
    }

    @Test
    @DisplayName("a leader that lost its lease stops its work and competes again, leading once it can write")
    void lostLeaderCompetesAgain() {
        FlakyApi api = new FlakyApi(election.api);
        LeaderCampaign a = campaign(api, "a");
        election.advance(Duration.ofSeconds(30));

        api.failWrites = true;
        election.advance(Duration.ofSeconds(20));
        assertThat(a.leading()).isFalse();
        api.failWrites = false;
        election.advance(Duration.ofSeconds(10));

        assertThat(a.leading()).as("nobody took over: the lease still names a, so a takes it back").isTrue();
        assertThat(a.terms()).isEqualTo(2);
        // Lost at 30 + retryPeriod + renewDeadline; back at the first (jittered) try once writes work.
        assertThat(log).hasSize(3).startsWith("a started at +0s", "a stopped at +42s");
        assertThat(log.get(2)).matches("a started at \\+5[0-4]s");
        assertThat(election.lease().spec().leaseTransitions()).as("the holder never changed").isZero();
    }

    @Test
    @DisplayName("after losing to another candidate, a campaign waits as a follower and leads when the other leaves")
    void lostToAnotherThenLeadsAgain() {
        FlakyApi apiA = new FlakyApi(election.api);
        LeaderCampaign a = campaign(apiA, "a");
        Candidate b = election.start("b");
        election.advance(Duration.ofSeconds(30));
        apiA.failWrites = true;
        election.advance(Duration.ofSeconds(30));
        apiA.failWrites = false;
        assertThat(b.leading).isTrue();
        election.advance(Duration.ofMinutes(1));
        assertThat(a.leading()).isFalse();

        b.elector.stop();
        election.advance(Duration.ofSeconds(5));

        assertThat(a.leading()).isTrue();
        assertThat(a.terms()).isEqualTo(2);
        assertThat(election.lease().spec().leaseTransitions()).isEqualTo(2);
    }

    @Test
    @DisplayName("stop ends the campaign: the lease is released and nobody competes again")
    void stopEndsTheCampaign() {
        LeaderCampaign a = campaign(new FlakyApi(election.api), "a");
        election.advance(Duration.ofSeconds(10));

        a.stop();
        election.advance(Duration.ofMinutes(1));

        assertThat(a.leading()).isFalse();
        assertThat(a.terms()).isEqualTo(1);
        assertThat(election.lease().spec().holderIdentity()).isEmpty();
    }
}
