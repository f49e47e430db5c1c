package kubelab.kubelet.prober;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.runtime.net.PodNetwork;

/** A flat pod network as a map from {@code ip:port} to the server listening there; it keeps every request. */
final class FakeNetwork implements PodNetwork {
    /** One HTTP request that reached a server. */
    record Request(String ip, int port, String path, Map<String, String> headers) {
    }

    private final Map<String, HttpHandler> servers = new HashMap<>();
    final List<Request> requests = new ArrayList<>();
    int dials;

    @Override
    public boolean dial(String ip, int port) {
        dials++;
        return servers.containsKey(ip + ":" + port);
    }

    @Override
    public HttpResponse http(String method, String ip, int port, String path, Map<String, String> headers) {
        HttpHandler handler = servers.get(ip + ":" + port);
        if (handler == null) {
            throw new ConnectionRefused(ip, port);
        }
        requests.add(new Request(ip, port, path, Map.copyOf(headers)));
        return handler.handle(method, path, headers);
    }

    @Override
    public Listener listen(String ip, int port, HttpHandler handler) {
        String key = ip + ":" + port;
        if (servers.putIfAbsent(key, handler) != null) {
            throw new IllegalStateException("listen tcp " + key + ": bind: address already in use");
        }
        return () -> servers.remove(key);
    }
}
