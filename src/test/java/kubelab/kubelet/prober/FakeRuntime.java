package kubelab.kubelet.prober;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Consumer;
import java.util.function.Function;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ContainerStats;
import kubelab.runtime.cri.ContainerStatus;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.ExecResult;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.cri.RuntimeService;
import kubelab.runtime.cri.VersionResponse;
import kubelab.time.EventLoop;

/**
 * A runtime that only answers {@code ExecSync}, as each test says: per container, a function from
 * the command to what it prints and how long it takes. A command that takes longer than the
 * timeout is cut off at the timeout, as a real runtime does. Everything else is unsupported.
 */
final class FakeRuntime implements RuntimeService {
    /** What one command does: its result, after {@code takes} of virtual time. */
    record Answer(ExecResult result, Duration takes) {
        static Answer exit(int code, String stdout, String stderr) {
            return new Answer(new ExecResult(stdout, stderr, code, false), Duration.ZERO);
        }
    }

    /** One ExecSync call as the prober made it. */
    record Call(String containerId, List<String> cmd, Duration timeout) {
    }

    private final EventLoop loop;
    private final Map<String, Function<List<String>, Answer>> answers = new HashMap<>();
    final List<Call> calls = new ArrayList<>();

    FakeRuntime(EventLoop loop) {
        this.loop = loop;
    }

    void answer(String containerId, Function<List<String>, Answer> behaviour) {
        answers.put(containerId, behaviour);
    }

    @Override
    public CompletionStage<ExecResult> execSync(String containerId, List<String> cmd, Duration timeout) {
        calls.add(new Call(containerId, cmd, timeout));
        Function<List<String>, Answer> behaviour = answers.get(containerId);
        if (behaviour == null) {
            throw new CriException("container " + containerId + " is not running");
        }
        Answer answer = behaviour.apply(cmd);
        if (answer.takes().isZero()) {
            return CompletableFuture.completedFuture(answer.result());
        }
        CompletableFuture<ExecResult> done = new CompletableFuture<>();
        if (answer.takes().compareTo(timeout) > 0) {
            loop.schedule(timeout, () -> done.complete(new ExecResult("", "", -1, true)));
        } else {
            loop.schedule(answer.takes(), () -> done.complete(answer.result()));
        }
        return done;
    }

    @Override
    public VersionResponse version() {
        throw new UnsupportedOperationException();
    }

    @Override
    public void updateRuntimeConfig(String podCidr) {
        throw new UnsupportedOperationException();
    }

    @Override
    public String runPodSandbox(PodSandboxConfig config) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void stopPodSandbox(String podSandboxId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removePodSandbox(String podSandboxId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public PodSandboxStatus podSandboxStatus(String podSandboxId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<PodSandboxStatus> listPodSandbox() {
        throw new UnsupportedOperationException();
    }

    @Override
    public String createContainer(String podSandboxId, ContainerConfig config, PodSandboxConfig sandboxConfig) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void startContainer(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public CompletionStage<Void> stopContainer(String containerId, long timeoutSeconds) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void removeContainer(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContainerStatus containerStatus(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<ContainerStatus> listContainers(String podSandboxId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public List<LogLine> containerLogs(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public ContainerStats containerStats(String containerId) {
        throw new UnsupportedOperationException();
    }

    @Override
    public void addContainerEventListener(Consumer<ContainerEvent> listener) {
        throw new UnsupportedOperationException();
    }
}
