package kubelab.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.time.Clock;

/**
 * The last CRI calls one node's kubelet made, in the order it made them, each with its virtual
 * time: a bounded ring that forgets the oldest call once it holds {@link #DEFAULT_CAPACITY}.
 * Filled by {@link RecordingRuntimeService}; read in notebooks and tests as
 * {@code cluster.node("node-1").criCalls().forPod("default", "web")}.
 *
 * <p>Bounded because a node runs for virtual hours and its kubelet reads the runtime on every
 * resync: an unbounded log would grow with time, not with what a reader wants to see.
 *
 * <p>Real Kubernetes: none kept; containerd logs each CRI request at debug level, and
 * {@code crictl} shows the resulting state, not the calls.
 */
public final class CriCallLog {
    /** How many calls a log keeps: several hundred pods' lives on one node. */
    public static final int DEFAULT_CAPACITY = 4096;

    private final Clock clock;
    private final Instant start;
    private final CriCall[] ring;
    private long recorded;   // calls ever recorded; the next goes to ring[recorded % capacity]

    /**
     * @param clock    the cluster's clock: calls are stamped with its time
     * @param start    time zero of the stamps (the cluster's start, as the timeline's)
     * @param capacity how many calls to keep
     */
    public CriCallLog(Clock clock, Instant start, int capacity) {
        this.clock = clock;
        this.start = start;
        if (capacity <= 0) {
            throw new IllegalArgumentException("capacity must be positive, got " + capacity);
        }
        this.ring = new CriCall[capacity];
    }

    /** A log of {@link #DEFAULT_CAPACITY} calls. */
    public CriCallLog(Clock clock, Instant start) {
        this(clock, start, DEFAULT_CAPACITY);
    }

    /** Appends a call, made now; returns its sequence number, for {@link #fail}. */
    long record(String method, String pod, String container, String image, String outcome) {
        ring[(int) (recorded % ring.length)] = new CriCall(Duration.between(start, clock.now()), method, pod, container,
                image, outcome);
        return recorded++;
    }

    /** Adds the runtime's error to a call already recorded, if the ring still holds it. */
    void fail(long seq, String error) {
        if (seq < recorded - ring.length || seq >= recorded) {
            return;
        }
        int i = (int) (seq % ring.length);
        CriCall c = ring[i];
        ring[i] = new CriCall(c.at(), c.method(), c.pod(), c.container(), c.image(), "error: " + error);
    }

    /** Every kept call, reads included, oldest first: O(capacity). */
    public List<CriCall> all() {
        List<CriCall> out = new ArrayList<>();
        for (long seq = Math.max(0, recorded - ring.length); seq < recorded; seq++) {
            out.add(ring[(int) (seq % ring.length)]);
        }
        return out;
    }

    /** The kept calls that change something (and {@code ImageStatus}), oldest first. */
    public List<CriCall> calls() {
        return all().stream().filter(c -> !c.isRead()).toList();
    }

    /**
     * One pod's calls, oldest first, without the reads: its sandbox, its containers, and the
     * {@code ImageStatus} calls for the images it used. {@code ImageStatus} names no pod in the CRI,
     * so a check of an image another pod also uses shows here too.
     */
    public List<CriCall> forPod(String namespace, String name) {
        List<CriCall> kept = calls();
        Set<String> images = new HashSet<>();
        for (CriCall c : kept) {
            if (c.isFor(namespace, name) && c.image() != null) {
                images.add(c.image());
            }
        }
        return kept.stream().filter(c -> c.isFor(namespace, name)
                || c.pod() == null && c.method().equals("ImageStatus") && images.contains(c.image())).toList();
    }

    /** The methods of {@link #forPod}, in order: a pod's life in CRI words. */
    public List<String> methods(String namespace, String name) {
        return forPod(namespace, name).stream().map(CriCall::method).toList();
    }

    /** How many calls were ever recorded, including those the ring has forgotten. */
    public long recorded() {
        return recorded;
    }

    /** One call a line. */
    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder();
        calls().forEach(c -> sb.append(c).append('\n'));
        return sb.toString();
    }
}
