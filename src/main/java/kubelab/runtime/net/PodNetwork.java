package kubelab.runtime.net;

import java.util.Map;

/**
 * Connections to pod IPs: a TCP dial and a plain HTTP request. Servers inside containers register
 * with {@link #listen} and unregister when the container stops.
 *
 * <p>Real Kubernetes: the node's network stack; the kubelet's prober dials the pod IP from the
 * node ({@code pkg/probe/http}, {@code pkg/probe/tcp}).
 */
public interface PodNetwork {
    /** Whether a TCP connection to {@code ip:port} succeeds, i.e. something listens there. */
    boolean dial(String ip, int port);

    /**
     * Sends an HTTP request to {@code ip:port}.
     *
     * @throws ConnectionRefused if nothing listens there
     */
    HttpResponse http(String method, String ip, int port, String path, Map<String, String> headers);

    /**
     * Starts serving {@code ip:port} with {@code handler}; the returned handle stops it. A port
     * already served on that IP is a {@link IllegalStateException} ("address already in use").
     */
    Listener listen(String ip, int port, HttpHandler handler);

    /** A server's answer to one request. */
    @FunctionalInterface
    interface HttpHandler {
        HttpResponse handle(String method, String path, Map<String, String> headers);
    }

    /** A listening socket; {@link #close()} stops it. */
    interface Listener extends AutoCloseable {
        @Override
        void close();
    }

    /** An HTTP response: status code, headers and body. */
    record HttpResponse(int statusCode, Map<String, String> headers, String body) {
        public HttpResponse {
            headers = headers == null ? Map.of() : Map.copyOf(headers);
        }

        public static HttpResponse of(int statusCode, String body) {
            return new HttpResponse(statusCode, Map.of(), body);
        }
    }

    /** Nothing listens at the address: {@code dial tcp 10.244.1.5:8080: connect: connection refused}. */
    final class ConnectionRefused extends RuntimeException {
        public ConnectionRefused(String ip, int port) {
            super("dial tcp " + ip + ":" + port + ": connect: connection refused");
        }
    }
}
