package kubelab.time;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class SimulatedLoopTest {

    private final SimulatedLoop loop = new SimulatedLoop(42);

    @Test
    @DisplayName("the simulated clock only moves when the loop is advanced")
    void clockMovesOnlyWhenAdvanced() {
        List<Instant> ranAt = new ArrayList<>();
        loop.schedule(Duration.ofSeconds(5), () -> ranAt.add(loop.now()));

        assertThat(loop.now()).isEqualTo(SimulatedLoop.DEFAULT_START);
        assertThat(loop.runReady()).isZero();
        assertThat(loop.now()).isEqualTo(SimulatedLoop.DEFAULT_START);

        loop.advance(Duration.ofSeconds(4));
        assertThat(ranAt).isEmpty();
        loop.advance(Duration.ofSeconds(2));

        assertThat(ranAt).containsExactly(SimulatedLoop.DEFAULT_START.plusSeconds(5));
        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(6));
        assertThat(loop.clock().now()).isEqualTo(loop.now());
    }

    @Test
    @DisplayName("tasks due at the same instant run in the order they were submitted")
    void fifoAmongEqualTimes() {
        List<String> order = new ArrayList<>();
        loop.schedule(Duration.ofSeconds(1), () -> order.add("timer-a"));
        loop.execute(() -> order.add("now-1"));
        loop.schedule(Duration.ofSeconds(1), () -> order.add("timer-b"));
        loop.execute(() -> {
            order.add("now-2");
            loop.execute(() -> order.add("now-3, submitted by now-2"));
        });

        assertThat(loop.runReady()).isEqualTo(3);
        loop.settle();

        assertThat(order).containsExactly("now-1", "now-2", "now-3, submitted by now-2", "timer-a", "timer-b");
    }

    @Test
    @DisplayName("settle runs ordinary timers but does not wait for background ones")
    void settleSkipsBackground() {
        AtomicInteger heartbeats = new AtomicInteger();
        AtomicBoolean evicted = new AtomicBoolean();
        loop.schedulePeriodic("lease renewal", Duration.ofMinutes(1), heartbeats::incrementAndGet);
        loop.schedule("eviction", Duration.ofMinutes(10), () -> evicted.set(true));

        loop.settle();

        assertThat(evicted).isTrue();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(heartbeats).hasValue(10);          // the ones that fell due on the way
        assertThat(loop.pendingTasks()).isEqualTo(1); // the heartbeat goes on, unwaited for

        loop.settle();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    @DisplayName("settleWithin stops at its limit when work remains, and says so")
    void settleWithinStopsAtTheLimit() {
        AtomicBoolean done = new AtomicBoolean();
        loop.schedulePeriodic("lease renewal", Duration.ofSeconds(10), () -> { });
        loop.schedule("container sleeps an hour", Duration.ofHours(1), () -> done.set(true));

        assertThat(loop.settleWithin(Duration.ofMinutes(10))).isFalse();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofMinutes(10));
        assertThat(done).isFalse();

        assertThat(loop.settleWithin(Duration.ofHours(1))).isTrue();
        assertThat(done).isTrue();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofHours(1)); // stops when settled, not at the limit
    }

    @Test
    @DisplayName("the same seed gives the same run, task for task")
    void sameSeedSameRun() {
        assertThat(trace(7)).isEqualTo(trace(7));
        assertThat(trace(7)).isNotEqualTo(trace(8));
    }

    /** A small chaotic workload: tasks that pick random delays and spawn more tasks. */
    private static List<String> trace(long seed) {
        SimulatedLoop loop = new SimulatedLoop(seed);
        List<String> trace = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            int id = i;
            loop.schedule(Duration.ofMillis(loop.random().nextInt(1000)), () -> {
                trace.add(loop.elapsed() + " task " + id);
                for (int j = 0; j < 3; j++) {
                    int child = j;
                    loop.schedule(Duration.ofMillis(loop.random().nextInt(1000)),
                            () -> trace.add(loop.elapsed() + " child " + id + "." + child));
                }
            });
        }
        loop.settle();
        return trace;
    }

    @Test
    @DisplayName("a task's exception fails settle, naming the task")
    void taskExceptionFailsSettle() {
        loop.schedule("sync pod web", Duration.ofSeconds(3), () -> {
            throw new IllegalArgumentException("boom");
        });

        assertThatThrownBy(loop::settle)
                .isInstanceOf(TaskFailedException.class)
                .hasMessageContaining("sync pod web")
                .hasMessageContaining("+3s")
                .hasCauseInstanceOf(IllegalArgumentException.class);
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    @DisplayName("settle fails with a clear message when work keeps rescheduling itself")
    void settleDetectsCrashLoop() {
        Runnable[] restart = new Runnable[1];
        restart[0] = () -> loop.schedule("restart container app", Duration.ofSeconds(10), restart[0]);
        restart[0].run();

        assertThatThrownBy(loop::settle)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("did not settle within 1h of virtual time")
                .hasMessageContaining("1 ordinary tasks still pending")
                .hasMessageContaining("a crash loop?")
                .hasMessageContaining("restart container app");
    }

    @Test
    @DisplayName("work that resubmits itself without time passing is stopped by the task limit")
    void settleDetectsLivelock() {
        loop.setMaxTasksPerRun(1000);
        Runnable[] spin = new Runnable[1];
        spin[0] = () -> loop.execute("spin", spin[0]);
        spin[0].run();

        assertThatThrownBy(loop::settle)
                .isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("after 1000 tasks")
                .hasMessageContaining("spin");
    }

    @Test
    @DisplayName("advance runs background timers too and stops the clock exactly where asked")
    void advanceRunsEverything() {
        List<Duration> beats = new ArrayList<>();
        loop.schedulePeriodic(Duration.ofSeconds(10), () -> beats.add(loop.elapsed()));

        loop.advance(Duration.ofSeconds(35));

        assertThat(beats).containsExactly(Duration.ofSeconds(10), Duration.ofSeconds(20), Duration.ofSeconds(30));
        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(35));
    }

    @Test
    @DisplayName("runUntil stops as soon as the condition holds")
    void runUntilStopsWhenDone() {
        AtomicInteger count = new AtomicInteger();
        loop.schedulePeriodic(Duration.ofSeconds(1), count::incrementAndGet);

        assertThat(loop.runUntil(() -> count.get() == 3, Duration.ofMinutes(1))).isTrue();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(3));
    }

    @Test
    @DisplayName("runUntil gives up when the limit of virtual time passes")
    void runUntilGivesUp() {
        loop.schedulePeriodic(Duration.ofSeconds(1), () -> { });

        assertThat(loop.runUntil(() -> false, Duration.ofSeconds(30))).isFalse();
        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(30));
    }

    @Test
    @DisplayName("a cancelled timer never runs, and cancelling a periodic one stops it")
    void cancel() {
        AtomicBoolean ran = new AtomicBoolean();
        EventLoop.Timer once = loop.schedule(Duration.ofSeconds(1), () -> ran.set(true));
        AtomicInteger ticks = new AtomicInteger();
        EventLoop.Timer[] periodic = new EventLoop.Timer[1];
        periodic[0] = loop.schedulePeriodic(Duration.ofSeconds(1), () -> {
            if (ticks.incrementAndGet() == 2) {
                periodic[0].cancel();
            }
        });

        once.cancel();
        once.cancel();
        assertThat(loop.pendingTasks()).isEqualTo(1);
        loop.advance(Duration.ofMinutes(1));

        assertThat(ran).isFalse();
        assertThat(ticks).hasValue(2);
        assertThat(loop.pendingTasks()).isZero();
    }

    @Test
    @DisplayName("the loop's own thread is the one that created it")
    void inLoop() throws InterruptedException {
        AtomicBoolean elsewhere = new AtomicBoolean(true);
        Thread other = new Thread(() -> elsewhere.set(loop.inLoop()));
        other.start();
        other.join();

        assertThat(loop.inLoop()).isTrue();
        assertThat(elsewhere).isFalse();
    }

    @Test
    @DisplayName("a task may not drive the loop it runs on")
    void noReentrantDriving() {
        loop.execute(loop::settle);

        assertThatThrownBy(loop::runReady)
                .hasRootCauseInstanceOf(IllegalStateException.class)
                .hasRootCauseMessage("the loop is already being driven: a task may not call runReady, settle, advance or runUntil");
    }
}
