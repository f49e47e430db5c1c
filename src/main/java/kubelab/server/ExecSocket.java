package kubelab.server;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import kubelab.api.serialization.Json;
import kubelab.runtime.cri.ExecResult;
import org.eclipse.jetty.websocket.api.Callback;
import org.eclipse.jetty.websocket.api.Session;

/**
 * {@code kubectl exec} over WebSocket with Kubernetes' channel protocol ({@code v5.channel.k8s.io} or {@code v4}):
 * each binary message starts with its channel (1 stdout, 2 stderr, 3 the final Status), and the
 * socket closes when the command has ended. kubectl turns a non-zero exit code in the Status into
 * its own exit code. The command runs to completion in the simulated container, so this is
 * {@code exec} without a terminal: no stdin, no resize. Public only because Jetty calls the
 * listener methods through method handles.
 *
 * <p>Real Kubernetes: the kubelet's streaming server and {@code k8s.io/apiserver/pkg/util/wsstream}
 * (the channel protocol), proxied by the API server's {@code pods/exec}.
 */
public final class ExecSocket implements Session.Listener.AutoDemanding {
    static final java.util.List<String> PROTOCOLS = java.util.List.of("v5.channel.k8s.io", "v4.channel.k8s.io");
    static final byte STDOUT = 1;
    static final byte STDERR = 2;
    /** The channel of the final Status. */
    static final byte ERROR = 3;

    private final String description;
    private Session session;
    private ExecResult result;
    private Throwable failure;
    private boolean sent;

    /** @param description the command as the Status message names it, e.g. {@code [sh -c exit 3]} */
    ExecSocket(String description) {
        this.description = description;
    }

    @Override
    public void onWebSocketOpen(Session session) {
        synchronized (this) {
            this.session = session;
        }
        sendIfReady();
    }

    /** The command's outcome (from the cluster thread). */
    void complete(ExecResult result, Throwable failure) {
        synchronized (this) {
            this.result = result;
            this.failure = failure;
        }
        sendIfReady();
    }

    private void sendIfReady() {
        Session s;
        ExecResult r;
        Throwable f;
        synchronized (this) {
            if (sent || session == null || (result == null && failure == null)) {
                return;
            }
            sent = true;
            s = session;
            r = result;
            f = failure;
        }
        if (r != null) {
            frame(s, STDOUT, r.stdout());
            frame(s, STDERR, r.stderr());
        }
        frame(s, ERROR, Json.toJson(status(r, f)));
        s.close(1000, "", Callback.NOOP);
    }

    private Object status(ExecResult r, Throwable f) {
        var status = Json.mapper().createObjectNode();
        status.putObject("metadata");
        if (f == null && r.exitCode() == 0) {
            status.put("status", "Success");
            return status;
        }
        status.put("status", "Failure");
        if (f != null) {
            status.put("message", String.valueOf(f.getMessage()));
            status.put("reason", "InternalError");
            status.put("code", 500);
            return status;
        }
        status.put("message", "command terminated with non-zero exit code: error executing command " + description
                + ", exit code " + r.exitCode());
        status.put("reason", "NonZeroExitCode");
        status.putObject("details").putArray("causes").addObject().put("reason", "ExitCode")
                .put("message", String.valueOf(r.exitCode()));
        return status;
    }

    /** Sends {@code text} as one binary message on {@code channel}; nothing for empty text. */
    static void frame(Session s, byte channel, String text) {
        if (text == null || text.isEmpty()) {
            return;
        }
        byte[] data = text.getBytes(StandardCharsets.UTF_8);
        ByteBuffer b = ByteBuffer.allocate(data.length + 1);
        b.put(channel).put(data).flip();
        s.sendBinary(b, Callback.NOOP);
    }
}
