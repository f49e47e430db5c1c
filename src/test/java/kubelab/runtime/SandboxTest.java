package kubelab.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import kubelab.runtime.cri.CriException;
import kubelab.runtime.cri.PodSandboxStatus;
import kubelab.runtime.images.ImageCatalogue;
import kubelab.runtime.net.SimulatedPodNetwork;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("pod sandboxes: the pause container's namespaces and the pod IP")
class SandboxTest {

    private final RuntimeFixture f = new RuntimeFixture();

    @Test
    @DisplayName("pods get IPs from the node's pod CIDR, from .2 up: .1 is the gateway")
    void ipsFromThePodCidr() {
        String a = f.runtime.runPodSandbox(RuntimeFixture.pod("a"));
        String b = f.runtime.runPodSandbox(RuntimeFixture.pod("b"));

        assertThat(f.runtime.podSandboxStatus(a).ip()).isEqualTo("10.244.1.2");
        assertThat(f.runtime.podSandboxStatus(b).ip()).isEqualTo("10.244.1.3");
        assertThat(f.runtime.podSandboxStatus(a).state()).isEqualTo(PodSandboxStatus.State.SANDBOX_READY);
    }

    @Test
    @DisplayName("a sandbox cannot get an IP before the node has a pod CIDR")
    void noCidrNoSandbox() {
        var runtime = new SimulatedRuntime(new SimulatedLoop(1), "node-2", new MemoryFs(), new SimulatedPodNetwork(),
                ImageCatalogue.standard());

        assertThatThrownBy(() -> runtime.runPodSandbox(RuntimeFixture.pod("a")))
                .isInstanceOf(CriException.class).hasMessageContaining("failed to setup network for sandbox");
    }

    @Test
    @DisplayName("a freed IP returns to the pool, and host-local hands addresses out round-robin")
    void freedIpsAreReused() {
        f.runtime.updateRuntimeConfig("10.244.7.0/29"); // .2 to .6 for pods
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            ids.add(f.runtime.runPodSandbox(RuntimeFixture.pod("p" + i)));
        }
        assertThatThrownBy(() -> f.runtime.runPodSandbox(RuntimeFixture.pod("full")))
                .hasMessageContaining("no IP addresses available in range set: 10.244.7.1-10.244.7.6");

        f.runtime.stopPodSandbox(ids.get(1));
        f.runtime.removePodSandbox(ids.get(1));
        String again = f.runtime.runPodSandbox(RuntimeFixture.pod("again"));

        assertThat(f.runtime.podSandboxStatus(again).ip()).isEqualTo("10.244.7.3");
    }

    @Test
    @DisplayName("stopping a sandbox kills its containers at once and makes it NOTREADY")
    void stopSandbox() {
        String id = f.run("sleeper", RuntimeFixture.container("c", "busybox", List.of("sleep", "3600"), List.of()));
        String sandbox = f.runtime.containerStatus(id).podSandboxId();

        f.runtime.stopPodSandbox(sandbox);

        assertThat(f.runtime.containerStatus(id).exitCode()).isEqualTo(137);
        assertThat(f.runtime.podSandboxStatus(sandbox).state()).isEqualTo(PodSandboxStatus.State.SANDBOX_NOTREADY);
        f.runtime.removePodSandbox(sandbox);
        assertThat(f.runtime.listContainers(null)).isEmpty();
        assertThat(f.runtime.listPodSandbox()).isEmpty();
    }
}
