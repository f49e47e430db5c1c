package kubelab.client.leaderelection;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kubelab.client.leaderelection.Election.Candidate;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.DisplayName;

/**
 * A long randomized run: three process slots whose candidates start, stop (releasing or not, as a
 * clean shutdown or a kill) and lose their connection's writes for a while, at random moments.
 * Frozen processes are left out: a frozen leader cannot know it was replaced until it wakes, in
 * Kubernetes too ({@link LeaderElectorTest} shows it).
 */
class LeaderElectionSafetyTest {
    private static final int SLOTS = 3;

    @ParameterizedTest(name = "seed {0}")
    @ValueSource(longs = {1, 2, 3})
    @DisplayName("never two leaders at the same virtual instant, and a leader again once the chaos stops")
    void neverTwoLeaders(long seed) {
        Election election = new Election(seed);
        Random chaos = new Random(seed);
        List<Candidate> slots = new ArrayList<>();
        int[] generation = new int[SLOTS];
        for (int i = 0; i < SLOTS; i++) {
            slots.add(election.start("slot-" + i + "_" + generation[i]++));
        }

        int maxLeadingAtOnce = 0;
        while (election.elapsed().compareTo(Duration.ofHours(1)) < 0) {
            election.advance(Duration.ofMillis(100 + chaos.nextInt(20_000)));
            maxLeadingAtOnce = Math.max(maxLeadingAtOnce, election.leading().size());
            int i = chaos.nextInt(SLOTS);
            Candidate c = slots.get(i);
            switch (chaos.nextInt(4)) {
                case 0, 1 -> {
                    if (c.elector.stopped()) { // a restarted process is a new candidate
                        slots.set(i, election.start(Election.config("slot-" + i + "_" + generation[i]++)
                                .withReleaseOnCancel(chaos.nextBoolean())));
                    } else {
                        c.elector.stop();
                    }
                }
                default -> c.api.failWrites = !c.api.failWrites;
            }
        }

        assertThat(election.overlaps).isEmpty();
        assertThat(maxLeadingAtOnce).isEqualTo(1);
        assertThat(election.leaderships).as("leadership changed hands often enough to test something")
                .isGreaterThan(50);

        for (int i = 0; i < SLOTS; i++) {
            Candidate c = slots.get(i);
            c.api.failWrites = false;
            if (c.elector.stopped()) {
                slots.set(i, election.start("slot-" + i + "_" + generation[i]++));
            }
        }
        election.advance(Duration.ofMinutes(1));
        assertThat(election.leading()).hasSize(1);
        assertThat(election.lease().spec().holderIdentity()).isEqualTo(election.leading().get(0).identity);
        assertThat(election.overlaps).isEmpty();
    }
}
