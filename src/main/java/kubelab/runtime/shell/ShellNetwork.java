package kubelab.runtime.shell;

import java.util.List;

/**
 * The network as the shell's {@code wget} and {@code nslookup} see it: an HTTP GET and a DNS
 * lookup. The default, {@link #NONE}, has no DNS and fails as busybox fails without one; the
 * network chapter plugs in the cluster's Services and DNS.
 *
 * <p>Real Kubernetes: the pod's network namespace, set up by the CNI plugin, with
 * {@code /etc/resolv.conf} pointing at cluster DNS ({@code pkg/kubelet/network/dns}).
 */
public interface ShellNetwork {

    /** A network operation that failed; the message is what busybox prints after "wget: ". */
    final class NetworkException extends RuntimeException {
        public NetworkException(String message) {
            super(message);
        }
    }

    /** An HTTP response: the address connected to ("10.96.0.1:80"), the status line and the body. */
    record HttpResponse(String remoteAddress, int statusCode, String reasonPhrase, String body) {}

    /** A DNS answer: the server that answered ("10.96.0.10") and the addresses of the name. */
    record Lookup(String server, String name, List<String> addresses) {}

    /** Fetches {@code url}, or throws {@link NetworkException} (e.g. {@code bad address 'host'}). */
    HttpResponse get(String url);

    /** Resolves {@code name}, or throws {@link NetworkException} with the message nslookup prints. */
    Lookup lookup(String name);

    /** No network at all: every name fails to resolve, with busybox's messages. */
    ShellNetwork NONE = new ShellNetwork() {
        @Override
        public HttpResponse get(String url) {
            throw new NetworkException("bad address '" + hostOf(url) + "'");
        }

        @Override
        public Lookup lookup(String name) {
            throw new NetworkException(";; connection timed out; no servers could be reached");
        }
    };

    /** The host part of a URL, as busybox names it in "bad address 'host'". */
    static String hostOf(String url) {
        String rest = url.contains("://") ? url.substring(url.indexOf("://") + 3) : url;
        int end = rest.length();
        for (char c : new char[] {'/', ':', '?'}) {
            int i = rest.indexOf(c);
            if (i >= 0 && i < end) {
                end = i;
            }
        }
        return rest.substring(0, end);
    }
}
