package kubelab.kubelet.prober;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Container;
import kubelab.api.core.HTTPGetAction;
import kubelab.api.core.HTTPHeader;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.net.PodNetwork.ConnectionRefused;
import kubelab.runtime.net.PodNetwork.HttpResponse;

/**
 * An HTTP probe: a GET from the node to {@code scheme://host:port/path}, where {@code host} is the
 * pod IP unless the probe names one and {@code port} is a number or a container port's name. A
 * status from 200 to 399 is success; any other is a failure ({@code HTTP probe failed with
 * statuscode: 500}), and so is a refused connection ({@code Get "http://10.244.1.5:8080/healthz":
 * dial tcp 10.244.1.5:8080: connect: connection refused}).
 *
 * <p>A redirect to the same host is followed (at most 10 times); one to another host, or a 3xx
 * without a {@code Location}, ends the probe as a success with a warning
 * ({@code Probe terminated redirects, Response body: ...}).
 *
 * <p>The request carries the probe's {@code httpHeaders}, and, unless they set them, the
 * {@code User-Agent} {@value #USER_AGENT} and {@code Accept: *}{@code /*} that the kubelet sends;
 * setting either to an empty value leaves it out.
 *
 * <p>Simplified: the flat pod network answers at once, so {@code timeoutSeconds} never expires
 * for HTTP; HTTPS is sent as plain HTTP (the kubelet does not verify certificates anyway).
 *
 * <p>Real Kubernetes: {@code pkg/probe/http} ({@code http.go}, {@code request.go}).
 */
final class HttpGetProbe {
    /** What the kubelet calls itself; Kubernetes puts its own major.minor version here. */
    static final String USER_AGENT = "kube-probe/1.34";
    /** How many redirects Go's HTTP client follows before it gives up. */
    static final int MAX_REDIRECTS = 10;
    private static final Set<Integer> FOLLOWED = Set.of(301, 302, 303, 307, 308);

    private HttpGetProbe() {
    }

    static ProbeOutcome run(PodNetwork network, HTTPGetAction action, Container container, String podIP) {
        int port;
        try {
            port = ProbePorts.resolve(action.port(), container);
        } catch (IllegalArgumentException e) {
            return ProbeOutcome.error(e.getMessage());
        }
        String scheme = action.scheme() == null || action.scheme().isEmpty()
                ? "http" : action.scheme().toLowerCase(Locale.ROOT);
        String host = action.host() == null || action.host().isEmpty() ? orEmpty(podIP) : action.host();
        String path = orEmpty(action.path());
        if (!path.isEmpty() && !path.startsWith("/")) {
            path = "/" + path;
        }
        Map<String, String> headers = headers(action);
        for (int redirects = 0; ; redirects++) {
            String url = scheme + "://" + ProbePorts.joinHostPort(host, port) + path;
            HttpResponse response;
            try {
                if (host.isEmpty()) {
                    throw new ConnectionRefused(host, port);
                }
                response = network.http("GET", host, port, path.isEmpty() ? "/" : path, headers);
            } catch (ConnectionRefused e) {
                // Go's HTTP client wraps the dial error with the method and the URL.
                return ProbeOutcome.failure("Get " + ExecProbe.goQuote(url) + ": " + e.getMessage());
            }
            int code = response.statusCode();
            URI next = FOLLOWED.contains(code) ? location(response, url) : null;
            if (next != null && host.equals(next.getHost())) {
                if (redirects == MAX_REDIRECTS) {
                    return ProbeOutcome.failure("Get " + ExecProbe.goQuote(next.toString()) + ": stopped after "
                            + MAX_REDIRECTS + " redirects");
                }
                port = next.getPort() > 0 ? next.getPort() : ("https".equals(next.getScheme()) ? 443 : 80);
                path = next.getRawPath() + (next.getRawQuery() == null ? "" : "?" + next.getRawQuery());
                continue;
            }
            String body = orEmpty(response.body());
            if (code >= 300 && code < 400) {
                return ProbeOutcome.warning("Probe terminated redirects, Response body: " + body);
            }
            if (code >= 200 && code < 300) {
                return ProbeOutcome.success(body);
            }
            // Kubernetes leaves the body out of this message on purpose: it may hold secrets.
            return ProbeOutcome.failure("HTTP probe failed with statuscode: " + code);
        }
    }

    /** Where a redirect points, resolved against the URL that answered it; null without a usable {@code Location}. */
    private static URI location(HttpResponse response, String url) {
        String location = response.headers().entrySet().stream()
                .filter(e -> e.getKey().equalsIgnoreCase("Location")).map(Map.Entry::getValue)
                .findFirst().orElse(null);
        if (location == null || location.isEmpty()) {
            return null;
        }
        try {
            URI resolved = new URI(url).resolve(new URI(location));
            return resolved.getHost() == null ? null : resolved;
        } catch (URISyntaxException e) {
            return null;
        }
    }

    /** The probe's headers (a repeated name keeps every value, comma-separated), then the kubelet's own. */
    static Map<String, String> headers(HTTPGetAction action) {
        Map<String, String> headers = new LinkedHashMap<>();
        for (HTTPHeader header : action.httpHeaders()) {
            headers.merge(header.name(), orEmpty(header.value()), (a, b) -> a + "," + b);
        }
        if (!containsIgnoreCase(headers, "User-Agent")) {
            headers.put("User-Agent", USER_AGENT);
        }
        if (!containsIgnoreCase(headers, "Accept")) {
            headers.put("Accept", "*/*");
        }
        // Either of the two set to an empty value means "send none".
        headers.entrySet().removeIf(e -> e.getValue().isEmpty()
                && (e.getKey().equalsIgnoreCase("User-Agent") || e.getKey().equalsIgnoreCase("Accept")));
        return headers;
    }

    private static boolean containsIgnoreCase(Map<String, String> headers, String name) {
        return headers.keySet().stream().anyMatch(name::equalsIgnoreCase);
    }

    private static String orEmpty(String s) {
        return s == null ? "" : s;
    }
}
