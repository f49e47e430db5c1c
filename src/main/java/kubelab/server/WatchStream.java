package kubelab.server;

import java.nio.ByteBuffer;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.ApiWatch;
import kubelab.apiserver.WatchEvent;
import kubelab.apiserver.WatchHandler;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * One watch, streamed to its client: events arrive from the cluster thread (in order, never
 * blocking it), wait in a queue, and are written one at a time by Jetty's threads, each as one
 * line of JSON in a chunked response ({@code {"type":"ADDED","object":{...}}}). No thread waits
 * on a slow client, so a thousand watches cost a thousand queues, not a thousand threads.
 *
 * <p>A client that falls {@value #MAX_QUEUED} events behind is cut off, as kube-apiserver cuts
 * off a watcher whose buffer fills: it gets no more events and must re-watch (or relist).
 *
 * <p>Real Kubernetes: {@code serveWatch} in {@code k8s.io/apiserver/pkg/endpoints/handlers/watch.go},
 * and the cacher's per-watcher buffer ({@code cacheWatcher}).
 */
final class WatchStream extends IteratingCallback implements WatchHandler<KubeObject> {
    static final int MAX_QUEUED = 10_000;
    private static final ByteBuffer EMPTY = ByteBuffer.allocate(0);

    /** How one event becomes bytes on the wire; the sink that takes them. */
    interface Sink {
        /** Opens the stream (sends the response headers); calls back when done. */
        void open(org.eclipse.jetty.util.Callback callback);

        /** Writes one frame (a line, or a WebSocket message); calls back when it is out. */
        void write(byte[] frame, org.eclipse.jetty.util.Callback callback);

        /** Ends the stream; calls back when done. */
        void end(org.eclipse.jetty.util.Callback callback);

        /** The stream failed (the client went away): release what the sink holds. */
        void abort(Throwable cause);
    }

    private final Sink sink;
    private final Function<WatchEvent<KubeObject>, byte[]> encoder;
    private final Executor writers;
    private final Runnable onFinish;
    private final ConcurrentLinkedQueue<WatchEvent<KubeObject>> queue = new ConcurrentLinkedQueue<>();
    private final AtomicInteger queued = new AtomicInteger();
    private volatile boolean ended;
    private boolean opened;
    private boolean endWritten;
    private volatile ApiWatch watch;

    /**
     * @param encoder  one event to the bytes of its frame
     * @param writers  the threads that encode and write (never the cluster thread)
     * @param onFinish runs once when the stream ends, however it ends
     */
    WatchStream(Sink sink, Function<WatchEvent<KubeObject>, byte[]> encoder, Executor writers, Runnable onFinish) {
        this.sink = sink;
        this.encoder = encoder;
        this.writers = writers;
        this.onFinish = onFinish;
    }

    /** The server-side watch, so the stream can stop it when the client goes away (call on the cluster thread). */
    void attach(ApiWatch watch) {
        this.watch = watch;
        if (isClosed() || isFailed()) {
            watch.close();
        }
    }

    ApiWatch watch() {
        return watch;
    }

    /** Called on the cluster thread: queue, and wake a writer. */
    @Override
    public void onEvent(WatchEvent<KubeObject> event) {
        if (ended) {
            return;
        }
        if (queued.incrementAndGet() > MAX_QUEUED) {
            ended = true;   // too slow: cut off; the client re-watches
        } else {
            queue.add(event);
            if (event.type() == WatchEvent.Type.ERROR) {
                ended = true;
            }
        }
        writers.execute(this::iterate);
    }

    @Override
    public void onClose() {
        ended = true;
        writers.execute(this::iterate);
    }

    /** Ends the stream from the server's side (shutdown). */
    void end() {
        onClose();
    }

    @Override
    protected Action process() {
        if (!opened) {
            opened = true;
            sink.open(this);
            return Action.SCHEDULED;
        }
        WatchEvent<KubeObject> event = queue.poll();
        if (event != null) {
            queued.decrementAndGet();
            sink.write(encoder.apply(event), this);
            return Action.SCHEDULED;
        }
        if (ended) {
            if (!endWritten) {
                endWritten = true;
                sink.end(this);
                return Action.SCHEDULED;
            }
            return Action.SUCCEEDED;
        }
        return Action.IDLE;
    }

    @Override
    protected void onCompleteSuccess() {
        finish();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        finish();
        sink.abort(cause);
    }

    /** The owner's {@code onFinish} stops the server-side watch, on the cluster thread. */
    private void finish() {
        ended = true;
        onFinish.run();
    }

    static ByteBuffer empty() {
        return EMPTY.duplicate();
    }
}
