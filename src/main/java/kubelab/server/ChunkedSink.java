package kubelab.server;

import java.nio.ByteBuffer;
import org.eclipse.jetty.util.Callback;

/**
 * A watch over plain HTTP: each event one line of JSON in a chunked 200 response, flushed as it
 * is written. The first (empty) write sends the headers, so the client sees the watch open before
 * any event arrives. When the stream ends, the response ends and the request's callback completes.
 *
 * <p>Real Kubernetes: the {@code http.Flusher} branch of {@code WatchServer.HandleHTTP}.
 */
final class ChunkedSink implements WatchStream.Sink {
    private final Exchange x;

    ChunkedSink(Exchange x) {
        this.x = x;
    }

    @Override
    public void open(Callback callback) {
        x.response.write(false, WatchStream.empty(), callback);
    }

    @Override
    public void abort(Throwable cause) {
        x.callback.failed(cause);
    }

    @Override
    public void write(byte[] frame, Callback callback) {
        x.response.write(false, ByteBuffer.wrap(frame), callback);
    }

    @Override
    public void end(Callback callback) {
        x.response.write(true, WatchStream.empty(), Callback.from(() -> {
            callback.succeeded();
            x.callback.succeeded();
        }, t -> {
            callback.failed(t);
            x.callback.failed(t);
        }));
    }
}
