package kubelab.server;

import java.time.Duration;
import kubelab.api.core.ContainerStatus;
import kubelab.api.core.Pod;
import kubelab.apiserver.ApiException;
import kubelab.cluster.Cluster;

/**
 * What one container writes from now on, as it writes it: the cluster thread looks at the
 * container's log once a second of cluster time, reports what is new, and reports the end once
 * the container has terminated or the pod is going. {@code kubectl logs -f} ({@link LogFollower})
 * and {@code kubectl attach} ({@link AttachSocket}) both follow a container this way.
 *
 * <p>Real Kubernetes: the kubelet's {@code ReadLogs} with {@code Follow}, which waits on the log
 * file (fsnotify, with a one-second fallback), and the runtime's attach, which copies the
 * container's output streams as they come.
 */
final class OutputTail {
    static final Duration PERIOD = Duration.ofSeconds(1);

    /** Where the output goes; called on the cluster thread, so it must not block. */
    interface Listener {
        void output(String text);

        void ended();
    }

    private final ClusterThread cluster;
    private final String namespace;
    private final String pod;
    private final String container;
    private final Listener listener;
    private volatile boolean stopped;
    private int seen;   // characters of the log already reported (touched on the cluster thread only)

    OutputTail(ClusterThread cluster, String namespace, String pod, String container, Listener listener) {
        this.cluster = cluster;
        this.namespace = namespace;
        this.pod = pod;
        this.container = container;
        this.listener = listener;
    }

    /** Starts following after the first {@code alreadySeen} characters of the log; call on the cluster thread. */
    void startAfter(int alreadySeen) {
        seen = alreadySeen;
        schedule();
    }

    /** Starts following from what the container writes next (attach); call on the cluster thread. */
    void startAtEnd() {
        try {
            startAfter(cluster.cluster().logs(namespace, pod, container).length());
        } catch (ApiException | IllegalStateException e) {
            stopped = true;
            listener.ended();
        }
    }

    /** Stops following (the client hung up); nothing more is reported. Any thread. */
    void stop() {
        stopped = true;
    }

    private void schedule() {
        cluster.cluster().loop().scheduleBackground("follow " + namespace + "/" + pod + "/" + container, PERIOD,
                () -> check(cluster.cluster()));
    }

    private void check(Cluster c) {
        if (stopped) {
            return;
        }
        try {
            String text = c.logs(namespace, pod, container);
            if (text.length() > seen) {
                listener.output(text.substring(seen));
                seen = text.length();
            }
            if (terminated(c.api().get(Pod.class, namespace, pod), container)) {
                stopped = true;
                listener.ended();
                return;
            }
        } catch (ApiException | IllegalStateException e) {
            stopped = true;
            listener.ended();
            return;
        }
        schedule();
    }

    /** True once the pod is being deleted or the container has terminated. */
    static boolean terminated(Pod p, String container) {
        if (p.metadata().deletionTimestamp() != null) {
            return true;
        }
        if (p.status() == null) {
            return false;
        }
        return p.status().containerStatuses().stream()
                .filter(s -> s.name().equals(container))
                .map(ContainerStatus::state)
                .anyMatch(state -> state != null && state.terminated() != null);
    }
}
