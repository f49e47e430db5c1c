package kubelab.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executor;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.apiserver.ApiException;
import kubelab.cluster.Cluster;
import org.eclipse.jetty.util.IteratingCallback;

/**
 * {@code kubectl logs -f}: the log so far, then each new piece as the container writes it, until
 * the container ends, the pod goes, or the client hangs up. The cluster thread looks for new
 * output once a second of cluster time and hands it to Jetty's threads, which write it as chunks.
 *
 * <p>Real Kubernetes: the kubelet's {@code ReadLogs} with {@code Follow} in
 * {@code pkg/kubelet/kuberuntime/logs}, which waits on the log file (fsnotify, with a one-second
 * fallback); the API server proxies the stream.
 */
final class LogFollower extends IteratingCallback {
    static final Duration PERIOD = Duration.ofSeconds(1);

    private final Exchange x;
    private final ClusterThread cluster;
    private final Executor writers;
    private final String namespace;
    private final String pod;
    private final String container;
    private final ConcurrentLinkedQueue<byte[]> chunks = new ConcurrentLinkedQueue<>();
    private volatile boolean ended;
    private volatile boolean hungUp;
    private boolean lastWritten;
    private int sent;   // characters of the log already queued (touched on the cluster thread only)

    LogFollower(Exchange x, ClusterThread cluster, Executor writers, String namespace, String pod, String container) {
        this.x = x;
        this.cluster = cluster;
        this.writers = writers;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
    }

    /** Starts with the log so far (already read by the caller, on the cluster thread). */
    void start(String soFar) {
        x.response.setStatus(200);
        x.response.getHeaders().put("Content-Type", "text/plain");
        x.request.addFailureListener(t -> hungUp = true);
        x.streaming();
        cluster.execute(() -> {
            sent = soFar.length();
            offer(soFar);
            schedule();
        });
    }

    private void schedule() {
        cluster.cluster().loop().scheduleBackground("kubectl logs -f", PERIOD, () -> check(cluster.cluster()));
    }

    /** On the cluster thread: queue what is new; end when the container or pod has ended. */
    private void check(Cluster c) {
        if (hungUp || ended) {
            return;
        }
        try {
            String text = c.logs(namespace, pod, container);
            if (text.length() > sent) {
                offer(text.substring(sent));
                sent = text.length();
            }
            if (terminated(c.api().get(Pod.class, namespace, pod))) {
                finish();
                return;
            }
        } catch (ApiException | IllegalStateException e) {
            finish();
            return;
        }
        schedule();
    }

    private boolean terminated(Pod p) {
        if (p.metadata().deletionTimestamp() != null || p.status() == null) {
            return p.metadata().deletionTimestamp() != null;
        }
        return p.status().containerStatuses().stream()
                .filter(s -> s.name().equals(container))
                .map(ContainerStatus::state)
                .anyMatch(state -> state != null && state.terminated() != null);
    }

    private void offer(String text) {
        if (!text.isEmpty()) {
            chunks.add(text.getBytes(StandardCharsets.UTF_8));
            writers.execute(this::iterate);
        }
    }

    private void finish() {
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
        hungUp = true;
        x.callback.failed(cause);
    }
}
