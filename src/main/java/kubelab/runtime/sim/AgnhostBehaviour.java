package kubelab.runtime.sim;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import kubelab.runtime.shell.Step;

/**
 * agnhost, Kubernetes' e2e test image, with the subcommands the documentation uses:
 * <ul>
 *   <li>{@code liveness}: port 8080; {@code /healthz} answers 200 "ok" for the first 10 seconds,
 *       then 500 "error: &lt;seconds&gt;" (the switch is an ordinary timer, so it happens at 10 s);</li>
 *   <li>{@code netexec}: {@code --http-port} (8080): {@code /hostname}, {@code /echo?msg=},
 *       {@code /healthz}, {@code /clientip};</li>
 *   <li>{@code serve-hostname}: {@code --port} (9376), answers the hostname;</li>
 *   <li>{@code pause}: prints "Paused" and waits.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code test/images/agnhost} ({@code liveness/server.go}, {@code netexec},
 * {@code serve-hostname}, {@code pause}).
 */
final class AgnhostBehaviour implements Behaviour {

    static final Duration LIVENESS_HEALTHY_FOR = Duration.ofSeconds(10);

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        List<String> argv = ctx.argv();
        if (!ctx.program().equals("agnhost")) {
            return null;
        }
        String sub = argv.size() > 1 ? argv.get(1) : "";
        List<String> args = argv.subList(Math.min(2, argv.size()), argv.size());
        return switch (sub) {
            case "liveness" -> liveness(ctx);
            case "netexec" -> netexec(ctx, Integer.parseInt(Processes.flag(args, "http-port", "8080")));
            case "serve-hostname" -> serveHostname(ctx, Integer.parseInt(Processes.flag(args, "port", "9376")));
            case "pause" -> pause(ctx);
            default -> {
                ctx.out().stderr("Error: unknown command \"" + sub + "\" for \"agnhost\"\n"
                        + "Run 'agnhost --help' for usage.\n");
                yield Processes.exited(1);
            }
        };
    }

    private static ContainerProcess liveness(ProcessContext ctx) {
        return new Processes.Simple(OptionalInt.of(Processes.GO_SIGTERM_AS_PID1)) {
            private boolean started;
            private boolean failing;

            @Override
            public Step step() {
                if (!started) {
                    started = true;
                    var startedAt = ctx.clock().now();
                    ctx.host().listen(8080, (method, path, headers) -> {
                        if (path.startsWith("/started")) {
                            return HttpResponse.of(200, startedAt.toString());
                        }
                        if (!path.startsWith("/healthz")) {
                            return HttpResponse.of(404, "404 page not found\n");
                        }
                        if (!failing) {
                            return HttpResponse.of(200, "ok");
                        }
                        double seconds = Duration.between(startedAt, ctx.clock().now()).toNanos() / 1e9;
                        return HttpResponse.of(500, "error: " + goFloat(seconds));
                    });
                    return new Step.Sleeping(LIVENESS_HEALTHY_FOR);
                }
                failing = true;
                return Processes.serve();
            }
        };
    }

    /** Go's {@code %v} of a float64: no trailing ".0" for whole numbers. */
    static String goFloat(double value) {
        return value == Math.rint(value) ? Long.toString((long) value) : Double.toString(value);
    }

    private static ContainerProcess netexec(ProcessContext ctx, int port) {
        return new Processes.Simple(OptionalInt.of(0)) {
            @Override
            public Step step() {
                ctx.out().stderr(Processes.glog(ctx.clock().now(), "netexec.go:165") + "Started HTTP server on port "
                        + port + "\n");
                ctx.host().listen(port, (method, path, headers) -> {
                    if (path.startsWith("/hostname")) {
                        return HttpResponse.of(200, ctx.hostname());
                    }
                    if (path.startsWith("/echo")) {
                        int at = path.indexOf("msg=");
                        return HttpResponse.of(200, at < 0 ? "" : path.substring(at + 4).replaceFirst("&.*", ""));
                    }
                    if (path.startsWith("/clientip")) {
                        return HttpResponse.of(200, ctx.gateway() + ":40000");
                    }
                    if (path.startsWith("/healthz")) {
                        return HttpResponse.of(200, "");
                    }
                    return HttpResponse.of(200, "NOW: " + ctx.clock().now());
                });
                return Processes.serve();
            }
        };
    }

    private static ContainerProcess serveHostname(ProcessContext ctx, int port) {
        return new Processes.Simple(OptionalInt.of(Processes.GO_SIGTERM_AS_PID1)) {
            @Override
            public Step step() {
                ctx.out().stdout(Processes.goLogTime(ctx.clock().now()) + " Serving on port " + port + ".\n");
                ctx.host().listen(port, (method, path, headers) ->
                        new HttpResponse(200, Map.of("Content-Type", "text/plain"), ctx.hostname()));
                return Processes.serve();
            }
        };
    }

    private static ContainerProcess pause(ProcessContext ctx) {
        return new Processes.Simple(OptionalInt.of(0)) {
            @Override
            public Step step() {
                ctx.out().stdout("Paused\n");
                return Processes.serve();
            }

            @Override
            public OptionalInt terminate() {
                ctx.out().stdout("Shutting down after receiving signal: terminated.\n");
                return super.terminate();
            }
        };
    }
}
