package kubelab.client.leaderelection;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import kubelab.time.Clock;
import kubelab.time.EventLoop;
import kubelab.time.SimulatedLoop;

/**
 * One process's view of a shared {@link SimulatedLoop} that can be frozen, as a process stopped by
 * SIGSTOP or a long GC pause: while frozen, its tasks that fall due are held, and they run when it
 * thaws, late. Other processes on the loop go on.
 */
final class FreezableLoop implements EventLoop {
    private final SimulatedLoop loop;
    private final List<Guarded> held = new ArrayList<>();
    private boolean frozen;

    FreezableLoop(SimulatedLoop loop) {
        this.loop = loop;
    }

    void freeze() {
        frozen = true;
    }

    /** Runs the held tasks as the loop's next tasks, in the order they fell due. */
    void thaw() {
        frozen = false;
        List<Guarded> late = new ArrayList<>(held);
        held.clear();
        late.forEach(g -> loop.execute(g));
    }

    @Override
    public Clock clock() {
        return loop.clock();
    }

    @Override
    public void execute(Runnable task) {
        loop.execute(new Guarded(task));
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        Guarded g = new Guarded(task);
        g.inner = loop.schedule(delay, g);
        return g;
    }

    @Override
    public Timer scheduleBackground(Duration delay, Runnable task) {
        Guarded g = new Guarded(task);
        g.inner = loop.scheduleBackground(delay, g);
        return g;
    }

    @Override
    public Timer schedulePeriodic(Duration period, Runnable task) {
        throw new UnsupportedOperationException("not needed by the elector");
    }

    @Override
    public Random random() {
        return loop.random();
    }

    @Override
    public boolean inLoop() {
        return loop.inLoop();
    }

    private final class Guarded implements Runnable, Timer {
        final Runnable body;
        Timer inner;
        boolean cancelled;

        Guarded(Runnable body) {
            this.body = body;
        }

        @Override
        public void run() {
            if (cancelled) {
                return;
            }
            if (frozen) {
                held.add(this);
                return;
            }
            body.run();
        }

        @Override
        public void cancel() {
            cancelled = true;
            if (inner != null) {
                inner.cancel();
            }
        }
    }
}
