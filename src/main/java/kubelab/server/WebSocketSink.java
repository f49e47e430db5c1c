package kubelab.server;

import java.nio.charset.StandardCharsets;
import org.eclipse.jetty.websocket.api.Session;

/**
 * A watch over WebSocket, as the fabric8 client asks for it first ({@code Upgrade: websocket} on
 * the watch URL): after the 101, each event is one text message holding one JSON event. The
 * client closing the socket ends the watch on the server.
 *
 * <p>Public only because Jetty calls its listener methods through method handles; not an API.
 *
 * <p>Real Kubernetes: the {@code websocket.Handler} branch of {@code WatchServer.ServeHTTP} in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/watch.go}.
 */
public final class WebSocketSink implements WatchStream.Sink, Session.Listener.AutoDemanding {
    private volatile WatchStream stream;
    private Session session;
    private org.eclipse.jetty.util.Callback pendingOpen;

    void stream(WatchStream stream) {
        this.stream = stream;
    }

    @Override
    public synchronized void open(org.eclipse.jetty.util.Callback callback) {
        if (session != null) {
            callback.succeeded();
        } else {
            pendingOpen = callback;   // the 101 is still on its way: events wait in the stream's queue
        }
    }

    @Override
    public void onWebSocketOpen(Session session) {
        org.eclipse.jetty.util.Callback waiting;
        synchronized (this) {
            this.session = session;
            waiting = pendingOpen;
            pendingOpen = null;
        }
        if (waiting != null) {
            waiting.succeeded();
        }
    }

    /**
     * A frame's text by the frame's identity: one event shared by many watchers (see
     * {@link WatchEncoder}) is decoded to a String once, not once per socket.
     */
    private static final com.github.benmanes.caffeine.cache.Cache<byte[], String> TEXT =
            com.github.benmanes.caffeine.cache.Caffeine.newBuilder().executor(Runnable::run).weakKeys().maximumSize(1_000).build();

    @Override
    public void write(byte[] frame, org.eclipse.jetty.util.Callback callback) {
        String text = TEXT.getIfPresent(frame);
        if (text == null) {
            text = new String(frame, StandardCharsets.UTF_8);
            TEXT.put(frame, text);
        }
        session.sendText(text,
                org.eclipse.jetty.websocket.api.Callback.from(callback::succeeded, callback::failed));
    }

    @Override
    public void end(org.eclipse.jetty.util.Callback callback) {
        session.close(1000, "watch ended",
                org.eclipse.jetty.websocket.api.Callback.from(callback::succeeded, callback::failed));
    }

    @Override
    public void abort(Throwable cause) {
        Session s;
        synchronized (this) {
            s = session;
        }
        if (s != null && s.isOpen()) {
            s.close();
        }
    }

    @Override
    public void onWebSocketClose(int statusCode, String reason) {
        WatchStream s = stream;
        if (s != null) {
            s.end();
        }
    }

    @Override
    public void onWebSocketError(Throwable cause) {
        onWebSocketClose(1011, String.valueOf(cause));
    }
}
