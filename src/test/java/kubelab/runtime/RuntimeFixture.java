package kubelab.runtime;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ContainerConfig.LinuxContainerResources;
import kubelab.runtime.cri.ContainerEvent;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.cri.LogLine;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.net.SimulatedPodNetwork;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.SimulatedLoop;

/** One node's runtime on a simulated loop, with helpers that play the kubelet's part. */
final class RuntimeFixture {

    static final ImageCatalogue CATALOGUE = ImageCatalogue.standard();

    final SimulatedLoop loop = new SimulatedLoop(1);
    final MemoryFs nodeFs = new MemoryFs();
    final SimulatedPodNetwork network = new SimulatedPodNetwork();
    final SimulatedRuntime runtime = new SimulatedRuntime(loop, "node-1", nodeFs, network, CATALOGUE);
    final List<ContainerEvent> events = new ArrayList<>();

    RuntimeFixture() {
        runtime.updateRuntimeConfig("10.244.1.0/24");
        runtime.addContainerEventListener(events::add);
    }

    static PodSandboxConfig pod(String name) {
        return new PodSandboxConfig(new PodSandboxConfig.PodSandboxMetadata(name, "uid-" + name, "default", 0),
                name, "/var/log/pods/default_" + name, null, List.of(), Map.of(), Map.of(), false);
    }

    static ContainerConfig container(String name, String image, List<String> command, List<String> args) {
        return container(name, image, command, args, LinuxContainerResources.NONE, List.of(), 0);
    }

    static ContainerConfig container(String name, String image, List<String> command, List<String> args,
                                     LinuxContainerResources resources, List<ContainerConfig.Mount> mounts,
                                     int attempt) {
        return new ContainerConfig(new ContainerConfig.ContainerMetadata(name, attempt), new ImageSpec(image),
                command, args, "", Map.of(), mounts, name + "/" + attempt + ".log", false, false, Map.of(), Map.of(),
                resources);
    }

    /** cpu limit in millicores and memory limit in bytes, as the kubelet turns limits into a cgroup. */
    static LinuxContainerResources limits(long milliCpu, long memoryBytes) {
        return new LinuxContainerResources(100_000, milliCpu * 100, 2, memoryBytes);
    }

    /** Pulls the image and runs the loop until the pull is done. */
    void pull(String image) {
        CompletableFuture<String> pulled = runtime.pullImage(new ImageSpec(image), null).toCompletableFuture();
        loop.runUntil(pulled::isDone, Duration.ofMinutes(5));
        pulled.join();
    }

    /** A new pod with one container, pulled, created and started; returns the container's id. */
    String run(String pod, ContainerConfig config) {
        pull(config.image().image());
        String sandbox = runtime.runPodSandbox(pod(pod));
        String id = runtime.createContainer(sandbox, config, pod(pod));
        runtime.startContainer(id);
        loop.runReady();
        return id;
    }

    String podIp(String containerId) {
        return runtime.podSandboxStatus(runtime.containerStatus(containerId).podSandboxId()).ip();
    }

    String logs(String containerId) {
        return runtime.containerLogs(containerId).stream().map(LogLine::text).collect(Collectors.joining("\n"));
    }

    String stdout(String containerId) {
        return runtime.containerLogs(containerId).stream().filter(l -> l.stream().equals("stdout"))
                .map(LogLine::text).collect(Collectors.joining("\n"));
    }
}
