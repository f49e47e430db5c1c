package kubelab.runtime.sim;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.OptionalInt;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import kubelab.runtime.shell.FsException;
import kubelab.runtime.shell.ShellOutput;
import kubelab.runtime.shell.Step;

/**
 * redis-server: reads its configuration file (the first argument, if any) once at start, prints
 * its start-up lines, listens on 6379 and answers {@code redis-cli} run with exec
 * ({@code CONFIG GET}, {@code PING}, {@code SET}, {@code GET}, {@code DBSIZE}). Because the file is
 * read only at start, a changed ConfigMap shows in {@code CONFIG GET} only after a restart: the
 * point of the configure-redis tutorial. SIGTERM saves and exits 0.
 *
 * <p>Real Kubernetes: none; {@code redis-server}, {@code redis-cli} and the image's
 * {@code docker-entrypoint.sh} (a first argument ending in {@code .conf} runs redis-server with it).
 */
final class RedisBehaviour implements Behaviour {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("dd MMM yyyy HH:mm:ss.SSS", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        List<String> argv = ctx.argv();
        if (ctx.program().equals("docker-entrypoint.sh")) {
            argv = argv.subList(1, argv.size());
            if (!argv.isEmpty() && (argv.get(0).endsWith(".conf") || argv.get(0).startsWith("-"))) {
                argv = new java.util.ArrayList<>(argv);
                argv.add(0, "redis-server");
            }
        }
        if (argv.isEmpty() || !argv.get(0).replaceFirst(".*/", "").equals("redis-server")) {
            return null;
        }
        return new Redis(ctx, argv);
    }

    /** A running server and its configuration, as read at start. */
    static final class Redis implements ContainerProcess {
        private final ProcessContext ctx;
        private final List<String> argv;
        private final Map<String, String> config = new LinkedHashMap<>(Map.of("maxmemory", "0",
                "maxmemory-policy", "noeviction", "port", "6379", "dir", "/data"));
        private final Map<String, String> data = new LinkedHashMap<>();
        private final boolean modern;

        Redis(ProcessContext ctx, List<String> argv) {
            this.ctx = ctx;
            this.argv = argv;
            this.modern = !ctx.param("version", "7").startsWith("5") && !ctx.param("version", "7").startsWith("6");
        }

        @Override
        public Step step() {
            String file = argv.size() > 1 && !argv.get(1).startsWith("-") ? argv.get(1) : null;
            String mark = modern ? "*" : "#";
            log('C', mark, "oO0OoO0OoO0Oo Redis is starting oO0OoO0OoO0Oo");
            log('C', mark, "Redis version=" + ctx.param("version", "") + ", bits=64, commit=00000000, modified=0, pid=1, just started");
            if (file == null) {
                log('C', "#", "Warning: no config file specified, using the default config. In order to specify a "
                        + "config file use redis-server /path/to/redis.conf");
            } else {
                try {
                    for (String line : ctx.fs().read(file).split("\n")) {
                        String[] kv = line.trim().split("\\s+", 2);
                        if (kv.length == 2 && !kv[0].startsWith("#")) {
                            config.put(kv[0].toLowerCase(Locale.ROOT), kv[0].equalsIgnoreCase("maxmemory")
                                    ? Long.toString(memory(kv[1])) : kv[1]);
                        }
                    }
                } catch (FsException e) {
                    ctx.out().stderr("\n*** FATAL CONFIG FILE ERROR (Redis " + ctx.param("version", "") + ") ***\n"
                            + "Fatal error, can't open config file '" + file + "': No such file or directory\n");
                    return new Step.Exited(1);
                }
                log('C', mark, "Configuration loaded");
            }
            int port = Integer.parseInt(config.get("port"));
            log('M', "*", "Running mode=standalone, port=" + port + ".");
            log('M', modern ? "*" : "#", "Server initialized");
            log('M', "*", modern ? "Ready to accept connections tcp" : "Ready to accept connections");
            ctx.host().listen(port, (method, path, headers) ->
                    HttpResponse.of(200, "-ERR wrong protocol: this is redis, not HTTP\r\n"));
            return Processes.serve();
        }

        private void log(char role, String mark, String text) {
            ctx.out().stdout("1:" + role + " " + TIME.format(ctx.clock().now()) + " " + mark + " " + text + "\n");
        }

        @Override
        public OptionalInt terminate() {
            ctx.out().stdout("1:signal-handler (" + ctx.clock().now().getEpochSecond()
                    + ") Received SIGTERM scheduling shutdown...\n");
            log('M', "#", "User requested shutdown...");
            log('M', "*", "Saving the final RDB snapshot before exiting.");
            log('M', "*", "DB saved on disk");
            log('M', "#", "Redis is now ready to exit, bye bye...");
            return OptionalInt.of(0);
        }

        /** {@code redis-cli [-h H] [-p P] COMMAND ARGS...}, without a TTY: raw replies, one per line. */
        @Override
        public OptionalInt exec(List<String> cmd, ShellOutput out) {
            if (cmd.isEmpty() || !cmd.get(0).replaceFirst(".*/", "").equals("redis-cli")) {
                return OptionalInt.empty();
            }
            List<String> words = cmd.subList(1, cmd.size()).stream()
                    .filter(w -> !w.equals("-h") && !w.equals("-p")).toList();
            if (words.isEmpty()) {
                return OptionalInt.of(0); // no TTY and no stdin: nothing to run
            }
            String command = words.get(0).toUpperCase(Locale.ROOT);
            switch (command) {
                case "PING" -> out.stdout("PONG\n");
                case "DBSIZE" -> out.stdout(data.size() + "\n");
                case "SET" -> {
                    data.put(words.get(1), words.get(2));
                    out.stdout("OK\n");
                }
                case "GET" -> out.stdout(data.getOrDefault(words.get(1), "") + "\n");
                case "CONFIG" -> {
                    if (words.size() >= 3 && words.get(1).equalsIgnoreCase("GET")) {
                        String key = words.get(2).toLowerCase(Locale.ROOT);
                        if (config.containsKey(key)) {
                            out.stdout(key + "\n" + config.get(key) + "\n");
                        }
                    }
                }
                default -> out.stdout("ERR unknown command '" + words.get(0) + "', with args beginning with: \n");
            }
            return OptionalInt.of(0);
        }

        @Override
        public long memoryBytes() {
            return 3L << 20;
        }
    }

    /** Redis' memory units: {@code 1k} = 1000, {@code 1kb} = 1024, likewise m/mb and g/gb. */
    static long memory(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        String[][] units = {{"kb", "1024"}, {"mb", "1048576"}, {"gb", "1073741824"},
                {"k", "1000"}, {"m", "1000000"}, {"g", "1000000000"}, {"b", "1"}};
        for (String[] u : units) {
            if (t.endsWith(u[0])) {
                return Long.parseLong(t.substring(0, t.length() - u[0].length())) * Long.parseLong(u[1]);
            }
        }
        return Long.parseLong(t);
    }
}
