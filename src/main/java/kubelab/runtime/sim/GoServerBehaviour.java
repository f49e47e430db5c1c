package kubelab.runtime.sim;

import java.util.Map;
import java.util.OptionalInt;
import kubelab.runtime.net.PodNetwork.HttpResponse;
import kubelab.runtime.shell.Step;

/**
 * A small Go web server that answers every path with one body: hello-app ("Hello, world!" with its
 * version and the pod's hostname), hello-go-gke ({@code {"message":"Hello"}}) and goproxy (an HTTP
 * proxy that answers plain requests with 500). The catalogue's parameters say which: program
 * name, port, status, body ({@code ${HOSTNAME}} and {@code ${PATH}} filled in), and the lines it
 * logs at start and per request, with Go's {@code log} timestamp, on stderr.
 *
 * <p>No signal handler: as PID 1 it ends on SIGTERM with exit code 2 (see
 * {@link Processes#GO_SIGTERM_AS_PID1}), unless the catalogue says otherwise ({@code sigtermExit}:
 * the HPA walkthrough's php-apache server stops cleanly, exit 0).
 *
 * <p>Real Kubernetes: none; {@code GoogleCloudPlatform/kubernetes-engine-samples} hello-app and
 * {@code elazarl/goproxy}'s example proxy.
 */
final class GoServerBehaviour implements Behaviour {

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        if (!ctx.program().equals(ctx.param("program", ""))) {
            return null;
        }
        int port = Integer.parseInt(ctx.env().getOrDefault("PORT", ctx.param("port", "8080")));
        int status = Integer.parseInt(ctx.param("status", "200"));
        String startLine = ctx.param("startLine", null);
        String requestLine = ctx.param("requestLine", null);
        String contentType = ctx.param("contentType", "text/plain; charset=utf-8");
        int onSigterm = Integer.parseInt(ctx.param("sigtermExit", Integer.toString(Processes.GO_SIGTERM_AS_PID1)));
        return new Processes.Simple(OptionalInt.of(onSigterm)) {
            @Override
            public Step step() {
                if (startLine != null) {
                    log(startLine.replace("8080", Integer.toString(port)));
                }
                ctx.host().listen(port, (method, path, headers) -> {
                    if (requestLine != null) {
                        log(requestLine.replace("${PATH}", path));
                    }
                    String body = ctx.param("body", "").replace("${HOSTNAME}", ctx.hostname()).replace("${PATH}", path);
                    return new HttpResponse(status, Map.of("Content-Type", contentType), body);
                });
                return Processes.serve();
            }

            private void log(String line) {
                ctx.out().stderr(Processes.goLogTime(ctx.clock().now()) + " " + line + "\n");
            }

            @Override
            public long memoryBytes() {
                return 6L << 20;
            }
        };
    }
}
