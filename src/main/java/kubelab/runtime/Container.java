package kubelab.runtime;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.images.CatalogueImage;
import kubelab.runtime.net.PodNetwork;
import kubelab.runtime.shell.MemoryFs;
import kubelab.runtime.shell.Step;
import kubelab.runtime.sim.Behaviours;
import kubelab.runtime.sim.ContainerProcess;
import kubelab.runtime.sim.ProcessContext;
import kubelab.time.EventLoop;

/**
 * One container on a node: its filesystem, environment and command line, and the life of its
 * process, CREATED → RUNNING → EXITED. The process is stepped on the loop; a sleep becomes an
 * ordinary timer, a busy loop is stepped again shortly, and after each step the memory cgroup is
 * checked (above the limit: OOM-killed, exit code 137).
 *
 * <p>Real Kubernetes: a container in containerd's CRI plugin and its task (runc), with the cgroup
 * the kubelet's resources asked for.
 */
final class Container implements ProcessContext.Host {

    /** How soon a process that used up its work slice without sleeping runs again. */
    static final Duration BUSY_RESCHEDULE = Duration.ofMillis(100);
    static final int SIGKILL_EXIT = 137;

    final String id;
    final PodSandbox sandbox;
    final ContainerConfig config;
    final CatalogueImage image;
    final Instant createdAt;
    final ContainerLog log;
    final MemoryFs fs;
    final Map<String, String> env;
    final List<String> argv;
    private final SimulatedRuntime runtime;
    private final EventLoop loop;
    ContainerState state = ContainerState.CONTAINER_CREATED;
    private Instant startedAt;
    private Instant finishedAt;
    private int exitCode;
    private String reason = "";
    private String message = "";
    ContainerProcess process;
    private EventLoop.Timer wake;
    private EventLoop.Timer kill;
    private CompletableFuture<Void> stopped;
    private final List<PodNetwork.Listener> listeners = new ArrayList<>();
    private long demandMilliCores;

    Container(String id, PodSandbox sandbox, ContainerConfig config, CatalogueImage image, SimulatedRuntime runtime) {
        this.id = id;
        this.sandbox = sandbox;
        this.config = config;
        this.image = image;
        this.runtime = runtime;
        this.loop = runtime.loop;
        this.createdAt = loop.clock().now();
        this.log = new ContainerLog(loop.clock());
        this.fs = ContainerRootfs.build(image, config, sandbox.config, sandbox.ip, runtime.hostFs);
        this.env = environment(image, config, sandbox.hostname());
        this.argv = commandLine(config, image);
    }

    /**
     * Kubernetes' rule: {@code command} replaces the image's Entrypoint and then only {@code args}
     * follow; without a command, {@code args} replace Cmd after the Entrypoint.
     */
    static List<String> commandLine(ContainerConfig config, CatalogueImage image) {
        List<String> line = new ArrayList<>();
        if (!config.command().isEmpty()) {
            line.addAll(config.command());
            line.addAll(config.args());
        } else {
            line.addAll(image.config().entrypoint());
            line.addAll(config.args().isEmpty() ? image.config().cmd() : config.args());
        }
        return line;
    }

    /**
     * PATH, then HOSTNAME, then the image's Env, then the container's envs (which win), as containerd
     * builds it; HOME last, as runc adds it.
     */
    static Map<String, String> environment(CatalogueImage image, ContainerConfig config, String hostname) {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("PATH", "/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin");
        env.put("HOSTNAME", hostname);
        for (String entry : image.config().env()) {
            int eq = entry.indexOf('=');
            env.put(entry.substring(0, eq), entry.substring(eq + 1));
        }
        // The CRI message carries envs as a map; sorted keys keep runs repeatable.
        env.putAll(new TreeMap<>(config.envs()));
        env.putIfAbsent("HOME", "/root"); // runc sets HOME from the user's passwd entry when missing
        return env;
    }

    /** Starts the process; an image without the program fails the start as runc does. */
    void start() {
        if (state != ContainerState.CONTAINER_CREATED) {
            throw new CriException("container " + id + " is in " + state + " state, not CONTAINER_CREATED");
        }
        String workingDir = config.workingDir() == null || config.workingDir().isEmpty()
                ? image.config().workingDir() : config.workingDir();
        ProcessContext ctx = new ProcessContext(argv, env, workingDir, fs, log, sandbox.hostname(), loop.clock(),
                sandbox.ip, sandbox.gateway, runtime.network, image, this);
        ContainerProcess started = argv.isEmpty() ? null : Behaviours.named(image.behaviour()).start(ctx);
        if (started == null && image.shell() && !argv.isEmpty()) {
            List<String> unwrapped = argv.get(0).endsWith("entrypoint.sh") ? argv.subList(1, argv.size()) : argv;
            started = unwrapped.isEmpty() ? null : Behaviours.shell().start(ctx.withArgv(unwrapped));
        }
        startedAt = loop.clock().now();
        if (started == null) {
            String program = argv.isEmpty() ? "" : argv.get(0);
            String error = "failed to create containerd task: failed to create shim task: OCI runtime create failed: "
                    + "runc create failed: unable to start container process: exec: \"" + program
                    + "\": executable file not found in $PATH: unknown";
            state = ContainerState.CONTAINER_RUNNING;
            finish(128, "StartError", error);
            throw new CriException(error);
        }
        process = started;
        state = ContainerState.CONTAINER_RUNNING;
        runtime.emit(this, ContainerEvent.Type.CONTAINER_STARTED_EVENT);
        step();
    }

    /** Runs the process until it sleeps, exits or uses up its slice; then decides when it runs again. */
    private void step() {
        wake = null;
        if (state != ContainerState.CONTAINER_RUNNING) {
            return;
        }
        Step result;
        try {
            result = process.step();
        } catch (RuntimeException e) {
            // A program that fails (a port already taken, a bad flag) ends with status 1 and says why.
            log.stderr(e.getMessage() + "\n");
            result = new Step.Exited(1);
        }
        if (state != ContainerState.CONTAINER_RUNNING) {
            return; // it ended itself during the step (nginx -s quit)
        }
        long limit = config.resources() == null ? 0 : config.resources().memoryLimitInBytes();
        if (limit > 0 && process.memoryBytes() > limit) {
            finish(SIGKILL_EXIT, "OOMKilled", "");
            return;
        }
        if (result instanceof Step.Exited exited) {
            finish(exited.code(), null, "");
        } else if (result instanceof Step.Sleeping sleeping) {
            if (sleeping.duration().compareTo(Step.Sleeping.FOREVER) < 0) {
                wake = loop.schedule("container " + config.metadata().name() + " wakes", sleeping.duration(), this::step);
            }
        } else {
            wake = loop.schedule("container " + config.metadata().name() + " runs", BUSY_RESCHEDULE, this::step);
        }
    }

    /** SIGTERM now; SIGKILL after {@code timeout} if the process ignored it. */
    // tag::container-stop[]
    CompletableFuture<Void> stop(Duration timeout) {
        if (state != ContainerState.CONTAINER_RUNNING) {
            return CompletableFuture.completedFuture(null);
        }
        if (stopped != null) {
            return stopped;
        }
        stopped = new CompletableFuture<>();
        CompletableFuture<Void> result = stopped;
        OptionalInt onTerm = timeout.isZero() ? OptionalInt.empty() : process.terminate();
        if (onTerm.isPresent()) {
            finish(onTerm.getAsInt(), null, "");
        } else if (timeout.isZero()) {
            kill();
        } else {
            kill = loop.schedule("SIGKILL " + config.metadata().name(), timeout, this::kill);
        }
        return result;
    }
    // end::container-stop[]

    /** SIGKILL: the process ends at once with 137. */
    void kill() {
        if (state == ContainerState.CONTAINER_RUNNING) {
            finish(SIGKILL_EXIT, null, "");
        }
    }

    @Override
    public void listen(int port, PodNetwork.HttpHandler handler) {
        if (sandbox.ip == null || sandbox.ip.isEmpty()) {
            return; // host network: the node's address is not the runtime's to serve
        }
        listeners.add(runtime.network.listen(sandbox.ip, port, handler));
    }

    @Override
    public void exit(int code) {
        loop.execute("container " + config.metadata().name() + " exits", () -> {
            if (state == ContainerState.CONTAINER_RUNNING) {
                finish(code, null, "");
            }
        });
    }

    private void finish(int code, String why, String text) {
        if (state != ContainerState.CONTAINER_RUNNING) {
            return;
        }
        state = ContainerState.CONTAINER_EXITED;
        finishedAt = loop.clock().now();
        exitCode = code;
        reason = why != null ? why : code == 0 ? "Completed" : "Error";
        message = text;
        if (wake != null) {
            wake.cancel();
            wake = null;
        }
        if (kill != null) {
            kill.cancel();
            kill = null;
        }
        listeners.forEach(PodNetwork.Listener::close);
        listeners.clear();
        log.flush();
        runtime.emit(this, ContainerEvent.Type.CONTAINER_STOPPED_EVENT);
        if (stopped != null) {
            stopped.complete(null);
        }
    }

    PodNetwork runtimeNetwork() {
        return runtime.network;
    }

    void setCpuDemand(long milliCores) {
        demandMilliCores = milliCores;
    }

    ContainerStats stats() {
        long cpu = 0;
        long memory = 0;
        if (state == ContainerState.CONTAINER_RUNNING) {
            cpu = process.cpuNanoCores() + demandMilliCores * 1_000_000L;
            var r = config.resources();
            if (r != null && r.cpuQuota() > 0 && r.cpuPeriod() > 0) {
                cpu = Math.min(cpu, r.cpuQuota() * 1_000_000_000L / r.cpuPeriod()); // CFS throttling
            }
            memory = process.memoryBytes();
        }
        return new ContainerStats(id, loop.clock().now(), cpu, memory);
    }

    ContainerStatus status() {
        return new ContainerStatus(id, sandbox.id, config.metadata(), state, createdAt, startedAt, finishedAt,
                exitCode, new ImageSpec(image.reference().toString()), image.repoDigest(), reason, message,
                config.labels(), config.annotations(), config.logPath());
    }
}
