package kubelab.runtime.shell;

import java.util.List;
import kubelab.runtime.shell.ShellNetwork.HttpResponse;
import kubelab.runtime.shell.ShellNetwork.Lookup;
import kubelab.runtime.shell.ShellNetwork.NetworkException;

/**
 * {@code wget} and {@code nslookup} over the context's {@link ShellNetwork}, printing what busybox
 * prints (progress bar left out).
 *
 * <p>Real Kubernetes: none; busybox {@code networking/wget.c} and {@code networking/nslookup.c}.
 */
final class Network {

    private Network() {}

    /** wget [-q] [-O FILE] [-T SEC] URL: saves to FILE, "-" for stdout, default the URL's last segment. */
    static int wget(Builtins.Call c) {
        boolean quiet = false;
        String output = null;
        String url = null;
        List<String> args = c.args();
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--timeout") && i + 1 < args.size()) {
                i++;
            } else if (a.startsWith("-") && !a.startsWith("--") && a.length() > 1) {
                // Clustered short options, as busybox's getopt takes them: -qO- is -q -O -.
                for (int k = 1; k < a.length(); k++) {
                    char opt = a.charAt(k);
                    if (opt == 'q') {
                        quiet = true;
                    } else if (opt == 'O' || opt == 'T' || opt == 'U') {
                        String value = k + 1 < a.length() ? a.substring(k + 1) : i + 1 < args.size() ? args.get(++i) : null;
                        if (opt == 'O') {
                            output = value;
                        }
                        break;
                    }
                }
            } else if (!a.startsWith("-")) {
                url = a;
            }
        }
        if (url == null) {
            c.err("wget: missing URL\n");
            return 1;
        }
        if (!url.contains("://")) {
            url = "http://" + url;
        }
        HttpResponse response;
        try {
            response = c.sh().ctx.network().get(url);
        } catch (NetworkException e) {
            c.err("wget: " + e.getMessage() + "\n");
            return 1;
        }
        if (!quiet) {
            c.err("Connecting to " + ShellNetwork.hostOf(url) + " (" + response.remoteAddress() + ")\n");
        }
        if (response.statusCode() >= 400) {
            c.err("wget: server returned error: HTTP/1.1 " + response.statusCode() + " " + response.reasonPhrase()
                    + "\n");
            return 1;
        }
        if (output == null) {
            String path = url.substring(url.indexOf("://") + 3);
            int slash = path.lastIndexOf('/');
            output = slash < 0 || slash == path.length() - 1 ? "index.html" : path.substring(slash + 1);
        }
        if (output.equals("-")) {
            if (!quiet) {
                c.err("writing to stdout\n");
            }
            c.out(response.body());
            return 0;
        }
        try {
            c.fs().write(c.sh().resolve(output), response.body());
        } catch (FsException e) {
            c.err("wget: can't open '" + output + "': " + e.reason().message() + "\n");
            return 1;
        }
        if (!quiet) {
            c.err("saving to '" + output + "'\n'" + output + "' saved\n");
        }
        return 0;
    }

    /** nslookup NAME: the server, then the name's addresses, or the resolver's failure. */
    static int nslookup(Builtins.Call c) {
        List<String> names = c.args().stream().filter(a -> !a.startsWith("-")).toList();
        if (names.isEmpty()) {
            c.err("nslookup: missing name\n");
            return 1;
        }
        Lookup lookup;
        try {
            lookup = c.sh().ctx.network().lookup(names.get(0));
        } catch (NetworkException e) {
            c.out(e.getMessage() + "\n");
            return 1;
        }
        StringBuilder out = new StringBuilder();
        out.append("Server:\t\t").append(lookup.server()).append('\n');
        out.append("Address:\t").append(lookup.server()).append(":53\n\n");
        for (String address : lookup.addresses()) {
            out.append("Name:\t").append(lookup.name()).append('\n');
            out.append("Address: ").append(address).append('\n');
        }
        c.out(out.append('\n').toString());
        return 0;
    }
}
