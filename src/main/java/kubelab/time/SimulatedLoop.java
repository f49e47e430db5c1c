package kubelab.time;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.PriorityQueue;
import java.util.Random;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * An {@link EventLoop} with virtual time: one thread, a clock that only moves when the loop is
 * driven ({@link #runReady}, {@link #settle}, {@link #advance}, {@link #runUntil}), and a seeded
 * random source. No wall clock is read anywhere, so the same seed and the same calls give the same
 * run, task for task, and a five-minute timeout costs no more than the tasks it triggers.
 *
 * <h2>Order</h2>
 * Tasks run by (due time, sequence number): earliest first, and in submission order among tasks
 * due at the same instant. {@link #execute} is due now. When the next task is due later, driving
 * methods jump the clock straight to it; nothing ever waits.
 *
 * <h2>Threads</h2>
 * Drive the loop from one thread: the one that created it, which {@link #inLoop()} reports as the
 * loop's own thread (as does whichever thread is inside a driving method). The class is not
 * thread-safe; a simulation has no other threads to be safe against.
 *
 * <h2>Failures</h2>
 * A task that throws stops the driving method, which rethrows it wrapped in a
 * {@link TaskFailedException} naming the task and the virtual time; the failed task is gone and
 * the rest of the queue is kept. A test sees every failure instead of a log line.
 *
 * <h2>Cost</h2>
 * Submitting and running a task are O(log n) in the number of pending tasks.
 *
 * <p>Real Kubernetes: {@code k8s.io/utils/clock/testing.FakeClock}, which tests step by hand; here
 * the fake clock and the goroutines it wakes are one deterministic loop.
 */
public final class SimulatedLoop implements EventLoop {
    /** Where virtual time starts unless the constructor says otherwise. */
    public static final Instant DEFAULT_START = Instant.parse("2026-01-01T00:00:00Z");
    /** How much virtual time {@link #settle()} allows before it calls the run a livelock. */
    public static final Duration DEFAULT_SETTLE_LIMIT = Duration.ofHours(1);
    /** How many tasks one driving call may run before it calls the run a livelock. */
    public static final long DEFAULT_MAX_TASKS_PER_RUN = 5_000_000;
    private static final int PENDING_NAMES_SHOWN = 5;

    private final Instant start;
    private final Random random;
    private final Thread owner;
    private final Clock clock = this::now;
    private final PriorityQueue<Task> queue = new PriorityQueue<>();
    private Instant now;
    private long nextSeq;
    private int pending;
    private int pendingOrdinary;
    private long tasksRun;
    private long maxTasksPerRun = DEFAULT_MAX_TASKS_PER_RUN;
    private long ranThisDrive;
    private Thread driver;

    /** A loop whose clock starts at {@link #DEFAULT_START}. */
    public SimulatedLoop(long seed) {
        this(seed, DEFAULT_START);
    }

    public SimulatedLoop(long seed, Instant start) {
        this.start = Objects.requireNonNull(start, "start");
        this.now = start;
        this.random = new Random(seed);
        this.owner = Thread.currentThread();
    }

    // ---- EventLoop -------------------------------------------------------------------------

    @Override
    public Clock clock() {
        return clock;
    }

    /** The virtual time. */
    public Instant now() {
        return now;
    }

    @Override
    public Random random() {
        return random;
    }

    /** True on the thread that created the loop, and on a thread inside a driving method. */
    @Override
    public boolean inLoop() {
        Thread current = Thread.currentThread();
        return current == owner || current == driver;
    }

    @Override
    public void execute(Runnable task) {
        execute(null, task);
    }

    @Override
    public void execute(String name, Runnable task) {
        enqueue(new Task(name, task, false, null), Duration.ZERO);
    }

    @Override
    public Timer schedule(Duration delay, Runnable task) {
        return schedule(null, delay, task);
    }

    @Override
    public Timer schedule(String name, Duration delay, Runnable task) {
        return enqueue(new Task(name, task, false, null), delay);
    }

    @Override
    public Timer scheduleBackground(Duration delay, Runnable task) {
        return scheduleBackground(null, delay, task);
    }

    @Override
    public Timer scheduleBackground(String name, Duration delay, Runnable task) {
        return enqueue(new Task(name, task, true, null), delay);
    }

    @Override
    public Timer schedulePeriodic(Duration period, Runnable task) {
        return schedulePeriodic(null, period, task);
    }

    @Override
    public Timer schedulePeriodic(String name, Duration period, Runnable task) {
        if (period.isNegative() || period.isZero()) {
            throw new IllegalArgumentException("a periodic task needs a positive period, got " + period);
        }
        return enqueue(new Task(name, task, true, period), period);
    }

    // ---- driving ---------------------------------------------------------------------------

    /**
     * Runs every task due now, including tasks they submit for now, without moving the clock.
     *
     * @return how many tasks ran
     */
    public int runReady() {
        return drive(() -> {
            int ran = 0;
            for (Task next = head(); next != null && !next.due.isAfter(now); next = head()) {
                runOne(next);
                ran++;
            }
            return ran;
        });
    }

    /** {@link #settle(Duration)} with {@link #DEFAULT_SETTLE_LIMIT}. */
    public void settle() {
        settle(DEFAULT_SETTLE_LIMIT);
    }

    /**
     * Runs until no ordinary work is left: runs the tasks due now; if an ordinary timer is still
     * pending, moves the clock to the earliest pending task (which may be a background one that
     * falls due first, and runs too) and repeats. Returns when only background timers remain.
     *
     * @param limit the most virtual time the run may take
     * @throws IllegalStateException if ordinary work is still pending after {@code limit} of
     *                               virtual time or {@link #setMaxTasksPerRun too many tasks}:
     *                               something keeps rescheduling itself
     * @throws TaskFailedException   if a task throws
     */
    public void settle(Duration limit) {
        if (!settleWithin(limit)) {
            throw notSettled("within " + Durations.format(limit) + " of virtual time");
        }
    }

    /**
     * Like {@link #settle(Duration)}, but still being busy at {@code limit} is an answer, not an
     * error: the clock is left at {@code now + limit} and the result is false ({@code kubelab run}).
     */
    public boolean settleWithin(Duration limit) {
        return runUntil(this::quiet, limit);
    }

    /** Nothing due now and no ordinary timer pending: only background timers (if any) are left. */
    private boolean quiet() {
        Task next = head();
        return next == null || (pendingOrdinary == 0 && next.due.isAfter(now));
    }

    /**
     * Runs every task, ordinary or background, due up to {@code now + duration}, in time order,
     * and leaves the clock at exactly {@code now + duration} (unless a task throws: then the clock
     * stays at that task's time).
     */
    public void advance(Duration duration) {
        if (duration.isNegative()) {
            throw new IllegalArgumentException("time does not go backwards: " + duration);
        }
        drive(() -> {
            Instant target = now.plus(duration);
            for (Task next = head(); next != null && !next.due.isAfter(target); next = head()) {
                runOne(next);
            }
            now = target;
            return null;
        });
    }

    /**
     * Runs tasks in time order, moving the clock, until {@code done} holds (checked before the
     * first task and after each one) or the next task is due after {@code limit}. If the limit
     * passes, the clock is left at {@code now + limit}; if the queue runs dry, where it was.
     *
     * @return whether {@code done} holds
     */
    public boolean runUntil(BooleanSupplier done, Duration limit) {
        return drive(() -> {
            if (done.getAsBoolean()) {
                return true;
            }
            Instant deadline = now.plus(limit);
            for (Task next = head(); next != null; next = head()) {
                if (next.due.isAfter(deadline)) {
                    now = deadline;
                    return false;
                }
                runOne(next);
                if (done.getAsBoolean()) {
                    return true;
                }
            }
            return false;
        });
    }

    // ---- inspection ------------------------------------------------------------------------

    /** Where virtual time started. */
    public Instant start() {
        return start;
    }

    /** Virtual time since the start. */
    public Duration elapsed() {
        return Duration.between(start, now);
    }

    /** Tasks waiting to run, ordinary and background (cancelled ones do not count). */
    public int pendingTasks() {
        return pending;
    }

    /**
     * When the earliest pending task (ordinary or background) falls due; null if none is pending.
     * A real-time driver ({@code kubelab serve}) sleeps until then, or until new work arrives.
     */
    public Instant nextDue() {
        Task next = head();
        return next == null ? null : next.due;
    }

    /** Tasks run since the loop was created. */
    public long tasksRun() {
        return tasksRun;
    }

    /** Changes the livelock guard of the driving methods (default {@value #DEFAULT_MAX_TASKS_PER_RUN}). */
    public void setMaxTasksPerRun(long max) {
        if (max <= 0) {
            throw new IllegalArgumentException("max must be positive");
        }
        this.maxTasksPerRun = max;
    }

    @Override
    public String toString() {
        return "SimulatedLoop[+" + Durations.format(elapsed()) + ", " + pending + " pending]";
    }

    // ---- internals -------------------------------------------------------------------------

    private Task enqueue(Task task, Duration delay) {
        Objects.requireNonNull(task.body, "task");
        task.due = delay.isNegative() ? now : now.plus(delay);
        task.seq = nextSeq++;
        task.queued = true;
        pending++;
        pendingOrdinary += task.background ? 0 : 1;
        queue.add(task);
        return task;
    }

    /** The earliest live task, dropping cancelled ones lazily (removal from a heap is O(n)). */
    private Task head() {
        while (!queue.isEmpty() && !queue.peek().queued) {
            queue.poll();
        }
        return queue.peek();
    }

    private void runOne(Task task) {
        if (ranThisDrive++ >= maxTasksPerRun) {
            throw notSettled("after " + maxTasksPerRun + " tasks");
        }
        queue.poll();
        task.dequeue();
        if (task.due.isAfter(now)) {
            now = task.due;
        }
        if (task.period != null && !task.cancelled) {
            // Rescheduled before it runs, so a task that throws keeps its rhythm and one that
            // cancels itself stops.
            enqueue(task, task.period);
        }
        tasksRun++;
        try {
            task.body.run();
        } catch (RuntimeException | Error e) {
            throw new TaskFailedException("task '" + task.describeName() + "' failed at +" + Durations.format(elapsed())
                    + " (" + now + "): " + e, e);
        }
    }

    /** Runs one driving method's body; they may not nest (a task may not drive its own loop). */
    private <R> R drive(Supplier<R> body) {
        if (driver != null) {
            throw new IllegalStateException("the loop is already being driven: a task may not call "
                    + "runReady, settle, advance or runUntil");
        }
        driver = Thread.currentThread();
        ranThisDrive = 0;
        try {
            return body.get();
        } finally {
            driver = null;
        }
    }

    private IllegalStateException notSettled(String bound) {
        List<Task> ordinary = new ArrayList<>();
        for (Task t : queue) {
            if (t.queued && !t.background) {
                ordinary.add(t);
            }
        }
        ordinary.sort(null);
        String names = ordinary.stream().limit(PENDING_NAMES_SHOWN)
                .map(t -> t.describeName() + " (due at +" + Durations.format(Duration.between(start, t.due)) + ")")
                .collect(Collectors.joining(", "));
        return new IllegalStateException("the cluster did not settle " + bound + ": " + pendingOrdinary
                + " ordinary tasks still pending; something keeps rescheduling (a crash loop?). Next pending: "
                + names + (ordinary.size() > PENDING_NAMES_SHOWN ? ", ..." : ""));
    }

    /** A queued task; also the {@link Timer} handed back for it. */
    private final class Task implements Timer, Comparable<Task> {
        final String name;
        final Runnable body;
        final boolean background;
        final Duration period;
        Instant due;
        long seq;
        boolean queued;
        boolean cancelled;

        Task(String name, Runnable body, boolean background, Duration period) {
            this.name = name;
            this.body = body;
            this.background = background;
            this.period = period;
        }

        void dequeue() {
            if (queued) {
                queued = false;
                pending--;
                pendingOrdinary -= background ? 0 : 1;
            }
        }

        @Override
        public void cancel() {
            cancelled = true;
            dequeue();
        }

        @Override
        public int compareTo(Task other) {
            int byTime = due.compareTo(other.due);
            return byTime != 0 ? byTime : Long.compare(seq, other.seq);
        }

        String describeName() {
            if (name != null) {
                return name;
            }
            String s = body.toString();
            return s.contains("$$Lambda") ? "unnamed task" : s;
        }
    }
}
