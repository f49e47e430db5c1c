package kubelab.runtime.sim;

import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import kubelab.runtime.shell.ContainerFs;
import kubelab.runtime.shell.FsException;
import kubelab.runtime.shell.ShellOutput;
import kubelab.runtime.shell.Step;

/**
 * nginx (and images built on it: nginx-slim, gb-frontend, hello-frontend): serves files from its
 * {@code root} (default {@code /usr/share/nginx/html}) on the ports its {@code conf.d} files
 * {@code listen} on (default 80), answers 404 for missing files, and writes an access log line in
 * the official image's {@code main} format to stdout for every request.
 *
 * <p>Images from 1.19 on start through {@code /docker-entrypoint.sh}, which prints its lines, and
 * log at {@code notice} level (start-up and shutdown lines on stderr); older ones print nothing.
 * SIGTERM is a fast shutdown, exit 0; {@code nginx -s quit} (a preStop hook) a graceful one.
 *
 * <p>Real Kubernetes: none; nginx and the official image's {@code docker-entrypoint.sh}.
 */
final class NginxBehaviour implements Behaviour {

    private static final Pattern LISTEN = Pattern.compile("^\\s*listen\\s+(\\d+)", Pattern.MULTILINE);
    private static final Pattern ROOT = Pattern.compile("^\\s*root\\s+([^;\\s]+)\\s*;", Pattern.MULTILINE);
    private static final DateTimeFormatter TIME_LOCAL =
            DateTimeFormatter.ofPattern("dd/MMM/yyyy:HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        List<String> argv = ctx.argv();
        boolean wrapped = ctx.program().equals("docker-entrypoint.sh");
        List<String> program = wrapped ? argv.subList(1, argv.size()) : argv;
        if (program.isEmpty() || !program.get(0).replaceFirst(".*/", "").startsWith("nginx")) {
            return null;
        }
        if (program.contains("-v") || program.contains("-V")) {
            ctx.out().stderr("nginx version: nginx/" + ctx.param("version", "") + "\n");
            return Processes.exited(0);
        }
        return new Nginx(ctx.withArgv(program), wrapped);
    }

    /** The master process and its one worker. */
    static final class Nginx implements ContainerProcess {
        private final ProcessContext ctx;
        private final boolean entrypoint;
        private final boolean notices;
        private String root = "/usr/share/nginx/html";
        private int connections;

        Nginx(ProcessContext ctx, boolean entrypoint) {
            this.ctx = ctx;
            this.entrypoint = entrypoint;
            this.notices = Boolean.parseBoolean(ctx.param("entrypointScripts", "false"));
        }

        @Override
        public Step step() {
            if (entrypoint && notices) {
                printEntrypoint();
            }
            Set<Integer> ports = readConfig();
            notice(1, "using the \"epoll\" event method");
            notice(1, "nginx/" + ctx.param("version", ""));
            notice(1, "OS: Linux 6.8.0-kubelab");
            notice(1, "getrlimit(RLIMIT_NOFILE): 1048576:1048576");
            notice(1, "start worker processes");
            notice(1, "start worker process 29");
            for (int port : ports) {
                ctx.host().listen(port, (method, path, headers) -> handle(method, path, headers));
            }
            return Processes.serve();
        }

        private void printEntrypoint() {
            String e = "/docker-entrypoint.sh: ";
            String ipv6 = "10-listen-on-ipv6-by-default.sh: info: ";
            StringBuilder out = new StringBuilder()
                    .append(e).append("/docker-entrypoint.d/ is not empty, will attempt to perform configuration\n")
                    .append(e).append("Looking for shell scripts in /docker-entrypoint.d/\n")
                    .append(e).append("Launching /docker-entrypoint.d/10-listen-on-ipv6-by-default.sh\n");
            if (ctx.fs().exists("/etc/nginx/conf.d/default.conf")) {
                out.append(ipv6).append("Getting the checksum of /etc/nginx/conf.d/default.conf\n")
                        .append(ipv6).append("Enabled listen on IPv6 in /etc/nginx/conf.d/default.conf\n");
            } else {
                out.append(ipv6).append("/etc/nginx/conf.d/default.conf is not a file or does not exist\n");
            }
            out.append(e).append("Sourcing /docker-entrypoint.d/15-local-resolvers.envsh\n")
                    .append(e).append("Launching /docker-entrypoint.d/20-envsubst-on-templates.sh\n")
                    .append(e).append("Launching /docker-entrypoint.d/30-tune-worker-processes.sh\n")
                    .append(e).append("Configuration complete; ready for start up\n");
            ctx.out().stdout(out.toString());
        }

        /** The ports to listen on and the document root, from the {@code conf.d} files. */
        private Set<Integer> readConfig() {
            Set<Integer> ports = new LinkedHashSet<>();
            ContainerFs fs = ctx.fs();
            List<String> files = new ArrayList<>();
            if (fs.isDirectory("/etc/nginx/conf.d")) {
                fs.list("/etc/nginx/conf.d").stream().filter(f -> f.endsWith(".conf"))
                        .forEach(f -> files.add("/etc/nginx/conf.d/" + f));
            }
            boolean rootSet = false;
            for (String file : files) {
                String text = fs.isDirectory(file) ? "" : fs.read(file);
                Matcher m = LISTEN.matcher(text);
                while (m.find()) {
                    ports.add(Integer.parseInt(m.group(1)));
                }
                Matcher r = ROOT.matcher(text);
                if (!rootSet && r.find()) {
                    root = r.group(1);
                    rootSet = true;
                }
            }
            if (ports.isEmpty()) {
                ports.add(80);
            }
            return ports;
        }

        private HttpResponse handle(String method, String rawPath, Map<String, String> headers) {
            int q = rawPath.indexOf('?');
            String path = q >= 0 ? rawPath.substring(0, q) : rawPath;
            if (!path.startsWith("/")) {
                path = "/" + path;
            }
            String file = root + (path.endsWith("/") ? path + "index.html" : path);
            String request = method + " " + rawPath + " HTTP/1.1";
            connections++;
            HttpResponse response;
            try {
                if (ctx.fs().isDirectory(file)) {
                    response = new HttpResponse(301, Map.of("Location", path + "/"), page("301 Moved Permanently"));
                } else {
                    response = new HttpResponse(200, Map.of("Content-Type", "text/html"), ctx.fs().read(file));
                }
            } catch (FsException e) {
                String time = Processes.goLogTime(ctx.clock().now());
                ctx.out().stderr(time + " [error] 29#29: *" + connections + " open() \"" + file
                        + "\" failed (2: No such file or directory), client: " + ctx.gateway()
                        + ", server: localhost, request: \"" + request + "\", host: \""
                        + headers.getOrDefault("Host", ctx.podIp()) + "\"\n");
                response = new HttpResponse(404, Map.of("Content-Type", "text/html"), page("404 Not Found"));
            }
            int bytes = method.equals("HEAD") ? 0 : response.body().getBytes(StandardCharsets.UTF_8).length;
            ctx.out().stdout(ctx.gateway() + " - - [" + TIME_LOCAL.format(ctx.clock().now()) + "] \"" + request + "\" "
                    + response.statusCode() + " " + bytes + " \"" + headers.getOrDefault("Referer", "-") + "\" \""
                    + headers.getOrDefault("User-Agent", "-") + "\" \""
                    + headers.getOrDefault("X-Forwarded-For", "-") + "\"\n");
            return response;
        }

        private String page(String status) {
            // Before 1.17 the built-in error pages still set a white background.
            String version = ctx.param("version", "");
            String body = version.matches("1\\.(\\d|1[0-6])\\..*") ? "<body bgcolor=\"white\">" : "<body>";
            return "<html>\r\n<head><title>" + status + "</title></head>\r\n" + body + "\r\n<center><h1>" + status
                    + "</h1></center>\r\n<hr><center>nginx/" + ctx.param("version", "") + "</center>\r\n</body>\r\n</html>\r\n";
        }

        private void notice(int pid, String text) {
            if (notices) {
                ctx.out().stderr(Processes.goLogTime(ctx.clock().now()) + " [notice] " + pid + "#" + pid + ": " + text + "\n");
            }
        }

        @Override
        public OptionalInt terminate() {
            notice(1, "signal 15 (SIGTERM) received, exiting");
            shutdown();
            return OptionalInt.of(0);
        }

        private void shutdown() {
            notice(29, "exiting");
            notice(29, "exit");
            notice(1, "signal 17 (SIGCHLD) received from 29");
            notice(1, "worker process 29 exited with code 0");
            notice(1, "exit");
        }

        /** {@code nginx -s quit|stop|reload}, {@code nginx -t}, {@code nginx -v}, run with exec. */
        @Override
        public OptionalInt exec(List<String> argv, ShellOutput out) {
            if (argv.isEmpty() || !argv.get(0).replaceFirst(".*/", "").equals("nginx")) {
                return OptionalInt.empty();
            }
            String time = Processes.goLogTime(ctx.clock().now());
            if (argv.contains("-v")) {
                out.stderr("nginx version: nginx/" + ctx.param("version", "") + "\n");
                return OptionalInt.of(0);
            }
            if (argv.contains("-t")) {
                out.stderr("nginx: the configuration file /etc/nginx/nginx.conf syntax is ok\n"
                        + "nginx: configuration file /etc/nginx/nginx.conf test is successful\n");
                return OptionalInt.of(0);
            }
            int s = argv.indexOf("-s");
            if (s < 0 || s + 1 >= argv.size()) {
                out.stderr(time + " [emerg] 35#35: bind() to 0.0.0.0:80 failed (98: Address already in use)\n");
                return OptionalInt.of(1);
            }
            if (notices) {
                out.stderr(time + " [notice] 35#35: signal process started\n");
            }
            switch (argv.get(s + 1)) {
                case "quit" -> {
                    notice(1, "signal 3 (SIGQUIT) received from 35, shutting down");
                    shutdown();
                    ctx.host().exit(0);
                }
                case "stop" -> {
                    notice(1, "signal 15 (SIGTERM) received from 35, exiting");
                    shutdown();
                    ctx.host().exit(0);
                }
                case "reload" -> {
                    notice(1, "signal 1 (SIGHUP) received from 35, reconfiguring");
                    notice(1, "reconfiguring");
                    readConfig();
                }
                default -> {
                    out.stderr("nginx: invalid option: \"-s " + argv.get(s + 1) + "\"\n");
                    return OptionalInt.of(1);
                }
            }
            return OptionalInt.of(0);
        }

        @Override
        public long memoryBytes() {
            return 3L << 20;
        }
    }
}
