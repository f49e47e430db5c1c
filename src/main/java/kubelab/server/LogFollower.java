package kubelab.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * {@code kubectl logs -f}: the log so far, then each new piece as the container writes it, until
 * the container ends, the pod goes, or the client hangs up. An {@link OutputTail} finds the new
 * output on the cluster thread and hands it here; Jetty's threads write it as chunks.
 *
 * <p>Real Kubernetes: the kubelet's {@code ReadLogs} with {@code Follow} in
 * {@code pkg/kubelet/kuberuntime/logs}; the API server proxies the stream.
 */
final class LogFollower extends IteratingCallback implements OutputTail.Listener {
    private final Exchange x;
    private final ClusterThread cluster;
    private final Executor writers;
    private final OutputTail tail;
    private final ConcurrentLinkedQueue<byte[]> chunks = new ConcurrentLinkedQueue<>();
    private volatile boolean ended;
    private boolean lastWritten;

    LogFollower(Exchange x, ClusterThread cluster, Executor writers, String namespace, String pod, String container) {
        this.x = x;
        this.cluster = cluster;
        this.writers = writers;
        this.tail = new OutputTail(cluster, namespace, pod, container, this);
    }

    /** Starts with the log so far (already read by the caller, on the cluster thread). */
    void start(String soFar) {
        x.response.setStatus(200);
        x.response.getHeaders().put("Content-Type", "text/plain");
        x.request.addFailureListener(t -> tail.stop());
        x.streaming();
        cluster.execute(() -> {
            output(soFar);
            tail.startAfter(soFar.length());
        });
    }

    @Override
    public void output(String text) {
        if (!text.isEmpty()) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
            writers.execute(this::iterate);
        }
    }

    @Override
    public void ended() {
        ended = true;
        writers.execute(this::iterate);
    }

    @Override
    protected Action process() {
        byte[] next = chunks.poll();
        if (next != null) {
            x.response.write(false, ByteBuffer.wrap(next), this);
            return Action.SCHEDULED;
        }
        if (ended && !lastWritten) {
            lastWritten = true;
            x.response.write(true, ByteBuffer.allocate(0), this);
            return Action.SCHEDULED;
        }
        return lastWritten ? Action.SUCCEEDED : Action.IDLE;
    }

    @Override
    protected void onCompleteSuccess() {
        x.callback.succeeded();
    }

    @Override
    protected void onCompleteFailure(Throwable cause) {
        tail.stop();
        x.callback.failed(cause);
    }
}
