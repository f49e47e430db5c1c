package kubelab.runtime.sim;

import com.google.common.net.InetAddresses;
import java.util.Map;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.shell.ShellNetwork;

/**
 * The shell's {@code wget} over the pod network: a URL whose host is an IP address reaches the
 * server listening there; a name needs DNS, which this network does not have yet, so it fails as
 * busybox fails without a resolver ({@code bad address 'name'}), as does {@code nslookup}.
 *
 * <p>Real Kubernetes: the pod's network namespace; cluster DNS and Services arrive with the
 * network chapter, behind the same {@link ShellNetwork} seam.
 */
public final class PodShellNetwork implements ShellNetwork {

    private final PodNetwork network;

    public PodShellNetwork(PodNetwork network) {
        this.network = network;
    }

    @Override
    public HttpResponse get(String url) {
        String host = ShellNetwork.hostOf(url);
        if (!InetAddresses.isInetAddress(host)) {
            return ShellNetwork.NONE.get(url);
        }
        String rest = url.substring(url.indexOf(host) + host.length());
        int port = url.startsWith("https://") ? 443 : 80;
        if (rest.startsWith(":")) {
            int end = rest.indexOf('/') < 0 ? rest.length() : rest.indexOf('/');
            port = Integer.parseInt(rest.substring(1, end));
            rest = rest.substring(end);
        }
        String path = rest.isEmpty() ? "/" : rest;
        try {
            PodNetwork.HttpResponse response = network.http("GET", host, port, path,
                    Map.of("Host", host, "User-Agent", "Wget"));
            return new HttpResponse(host + ":" + port, response.statusCode(), reason(response.statusCode()),
                    response.body());
        } catch (PodNetwork.ConnectionRefused e) {
            throw new NetworkException("can't connect to remote host (" + host + "): Connection refused");
        }
    }

    @Override
    public Lookup lookup(String name) {
        return ShellNetwork.NONE.lookup(name);
    }

    private static String reason(int status) {
        return switch (status) {
            case 200 -> "OK";
            case 301 -> "Moved Permanently";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 500 -> "Internal Server Error";
            case 503 -> "Service Unavailable";
            default -> "";
        };
    }
}
