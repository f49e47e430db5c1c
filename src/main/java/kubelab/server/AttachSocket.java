package kubelab.server;

import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code kubectl attach} (and {@code kubectl run -i}) over WebSocket, with the channel protocol of
 * {@link ExecSocket}: what the container writes from the moment of attaching arrives on channel 1
 * (stdout), and when the container ends a Success Status on channel 3 closes the stream. With a
 * terminal ({@code tty=true}) each newline goes out as CR LF, as a terminal's line discipline
 * sends it ({@code ONLCR}), since kubectl has put the local terminal in raw mode.
 *
 * <p>Input (channel 0, with {@code -i}) is read and dropped, and terminal resizes (channel 4) are
 * ignored: the simulated processes read no input, like a real process that never reads its stdin.
 * Public only because Jetty calls the listener methods through method handles.
 *
 * <p>Real Kubernetes: the kubelet's streaming server ({@code AttachContainer} of the CRI runtime)
 * behind the API server's {@code pods/attach}, and {@code k8s.io/apiserver/pkg/util/wsstream}.
 */
public final class AttachSocket implements Session.Listener.AutoDemanding, OutputTail.Listener {
    private final ClusterThread cluster;
    private final boolean tty;
    private final OutputTail tail;
    private volatile Session session;

    AttachSocket(ClusterThread cluster, String namespace, String pod, String container, boolean tty) {
        this.cluster = cluster;
        this.tty = tty;
        this.tail = new OutputTail(cluster, namespace, pod, container, this);
    }

    @Override
    public void onWebSocketOpen(Session session) {
        this.session = session;
        cluster.execute(tail::startAtEnd);
    }

    @Override
    public void output(String text) {
        ExecSocket.frame(session, ExecSocket.STDOUT, tty ? text.replace("\r\n", "\n").replace("\n", "\r\n") : text);
    }

    @Override
    public void ended() {
        Session s = session;
        ExecSocket.frame(s, ExecSocket.ERROR, "{\"metadata\":{},\"status\":\"Success\"}");
        s.close(1000, "", Callback.NOOP);
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        tail.stop();
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        tail.stop();
    }
}
