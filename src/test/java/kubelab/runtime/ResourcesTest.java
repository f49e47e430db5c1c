package kubelab.runtime;

import static kubelab.runtime.RuntimeFixture.container;
import static kubelab.runtime.RuntimeFixture.limits;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kubelab.runtime.cri.ContainerState;
import kubelab.runtime.cri.ContainerStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("cgroups: CPU is throttled to the limit, memory over the limit is OOM-killed")
class ResourcesTest {

    private static final long MI = 1L << 20;
    private final RuntimeFixture f = new RuntimeFixture();

    @Test
    @DisplayName("stress asking for 2 CPUs under a 1-CPU limit is throttled to 1 CPU")
    void cpuThrottled() {
        String id = f.run("cpu-demo", container("cpu-demo-ctr", "vish/stress", List.of(), List.of("-cpus", "2"),
                limits(1000, 0), List.of(), 0));

        assertThat(f.runtime.containerStats(id).usageNanoCores()).isEqualTo(1_000_000_000L);
    }

    @Test
    @DisplayName("without a limit, stress -cpus 2 uses two cores")
    void cpuUnlimited() {
        String id = f.run("cpu-demo", container("cpu-demo-ctr", "vish/stress", List.of(), List.of("-cpus", "2")));

        assertThat(f.runtime.containerStats(id).usageNanoCores()).isEqualTo(2_000_000_000L);
    }

    @Test
    @DisplayName("setCpuDemand adds load to an idle server, up to its CPU limit")
    void cpuDemand() {
        String id = f.run("php-apache", container("php", "nginx", List.of(), List.of(), limits(500, 0), List.of(), 0));
        long idle = f.runtime.containerStats(id).usageNanoCores();

        f.runtime.setCpuDemand(id, 300);
        assertThat(f.runtime.containerStats(id).usageNanoCores()).isEqualTo(idle + 300_000_000L);
        f.runtime.setCpuDemand(id, 2000);
        assertThat(f.runtime.containerStats(id).usageNanoCores()).isEqualTo(500_000_000L);
        assertThat(idle).isBetween(0L, 2_000_000L);
    }

    @Test
    @DisplayName("stress holding 150M under a 200Mi limit keeps running, using about 150Mi")
    void memoryWithinLimit() {
        String id = f.run("memory-demo", container("memory-demo-ctr", "polinux/stress", List.of("stress"),
                List.of("--vm", "1", "--vm-bytes", "150M", "--vm-hang", "1"), limits(0, 200 * MI), List.of(), 0));

        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
        assertThat(f.runtime.containerStats(id).workingSetBytes()).isBetween(150 * MI, 160 * MI);
        assertThat(f.stdout(id)).isEqualTo("stress: info: [1] dispatching hogs: 0 cpu, 0 io, 1 vm, 0 hdd");
    }

    @Test
    @DisplayName("stress asking for 250M under a 100Mi limit is OOMKilled, exit code 137")
    void oomKilled() {
        String id = f.run("memory-demo-2", container("memory-demo-2-ctr", "polinux/stress", List.of("stress"),
                List.of("--vm", "1", "--vm-bytes", "250M", "--vm-hang", "1"), limits(0, 100 * MI), List.of(), 0));

        ContainerStatus status = f.runtime.containerStatus(id);
        assertThat(status.state()).isEqualTo(ContainerState.CONTAINER_EXITED);
        assertThat(status.reason()).isEqualTo("OOMKilled");
        assertThat(status.exitCode()).isEqualTo(137);
    }

    @Test
    @DisplayName("vish/stress grows its memory chunk by chunk and is OOM-killed once it passes the limit")
    void growingMemory() {
        String id = f.run("mem", container("mem", "vish/stress", List.of(),
                List.of("-mem-total", "150Mi", "-mem-alloc-size", "10Mi", "-mem-alloc-sleep", "1s"),
                limits(0, 100 * MI), List.of(), 0));

        f.loop.advance(Duration.ofSeconds(9));
        assertThat(f.runtime.containerStatus(id).state()).isEqualTo(ContainerState.CONTAINER_RUNNING);
        f.loop.advance(Duration.ofSeconds(1));
        assertThat(f.runtime.containerStatus(id).reason()).isEqualTo("OOMKilled");
    }
}
