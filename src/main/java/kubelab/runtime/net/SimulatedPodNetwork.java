package kubelab.runtime.net;

import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The flat pod network of a simulated cluster: one map from {@code ip:port} to the server listening
 * there, shared by every node, so any pod IP is reachable from anywhere as Kubernetes' network model
 * requires. A request is a method call on the loop's thread; nothing is sent anywhere.
 *
 * <p>Real Kubernetes: the network a CNI plugin builds (a bridge per node, routes between nodes);
 * the kubelet's probes and other pods reach pods over it.
 */
public final class SimulatedPodNetwork implements PodNetwork {

    private final Map<String, HttpHandler> listeners = new HashMap<>();

    @Override
    public boolean dial(String ip, int port) {
        return listeners.containsKey(key(ip, port));
    }

    @Override
    public HttpResponse http(String method, String ip, int port, String path, Map<String, String> headers) {
        HttpHandler handler = listeners.get(key(ip, port));
        if (handler == null) {
            throw new ConnectionRefused(ip, port);
        }
        return handler.handle(method, path, headers == null ? Map.of() : headers);
    }

    @Override
    public Listener listen(String ip, int port, HttpHandler handler) {
        String key = key(ip, port);
        if (listeners.containsKey(key)) {
            throw new IllegalStateException("listen tcp " + key + ": bind: address already in use");
        }
        listeners.put(key, handler);
        return () -> listeners.remove(key, handler);
    }

    /** Every {@code ip:port} something listens on, sorted: what a learner inspects. */
    public Set<String> listening() {
        return new TreeSet<>(listeners.keySet());
    }

    private static String key(String ip, int port) {
        return ip + ":" + port;
    }
}
