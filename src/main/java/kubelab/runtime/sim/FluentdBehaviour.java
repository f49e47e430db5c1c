package kubelab.runtime.sim;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;
import java.util.OptionalInt;
import kubelab.runtime.shell.Step;

/**
 * fluentd, as the DaemonSet example runs it: prints its start-up lines and keeps running (reading
 * the node's logs it has mounted, which here changes nothing). SIGTERM is a graceful stop, exit 0.
 *
 * <p>Real Kubernetes: none; fluentd in {@code quay.io/fluentd_elasticsearch/fluentd}.
 */
final class FluentdBehaviour implements Behaviour {

    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss Z", Locale.ROOT).withZone(ZoneOffset.UTC);

    @Override
    public ContainerProcess start(ProcessContext ctx) {
        String program = ctx.program();
        if (!program.equals("run.sh") && !program.equals("entrypoint.sh") && !program.equals("fluentd")) {
            return null;
        }
        return new Processes.Simple(OptionalInt.of(0)) {
            @Override
            public Step step() {
                log("parsing config file is succeeded path=\"/etc/fluent/fluent.conf\"");
                log("starting fluentd-" + ctx.param("version", "") + " pid=1 ruby=\"2.6.3\"");
                log("#0 starting fluentd worker pid=13 ppid=1 worker=0");
                log("#0 fluentd worker is now running worker=0");
                return Processes.serve();
            }

            @Override
            public OptionalInt terminate() {
                log("Received graceful stop");
                log("#0 fluentd worker is now stopping worker=0");
                return super.terminate();
            }

            private void log(String text) {
                ctx.out().stdout(TIME.format(ctx.clock().now()) + " [info]: " + text + "\n");
            }

            @Override
            public long cpuNanoCores() {
                return 5_000_000L;
            }

            @Override
            public long memoryBytes() {
                return 80L << 20;
            }
        };
    }
}
