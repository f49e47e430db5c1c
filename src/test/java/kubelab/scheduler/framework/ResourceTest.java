package kubelab.scheduler.framework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.resource.Quantity;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ResourceTest {

    @Test
    @DisplayName("a resource list becomes millicores, bytes, a pod count and whole extended units")
    void fromResourceList() {
        Resource r = Resource.from(Map.of("cpu", Quantity.parse("1.5"), "memory", Quantity.parse("1Gi"),
                "ephemeral-storage", Quantity.parse("10G"), "pods", Quantity.parse("110"),
                "nvidia.com/gpu", Quantity.parse("2")));

        assertThat(r).isEqualTo(new Resource(1500, 1L << 30, 10_000_000_000L, 110, Map.of("nvidia.com/gpu", 2L)));
    }

    @Test
    @DisplayName("a request fits an amount only if every resource fits, extended ones included")
    void fits() {
        Resource free = new Resource(1000, 1L << 30, 0, 0, Map.of("nvidia.com/gpu", 1L));

        assertThat(free.fits(new Resource(1000, 1L << 30, 0, 0, Map.of("nvidia.com/gpu", 1L)))).isTrue();
        assertThat(free.fits(new Resource(1001, 0, 0, 0, Map.of()))).isFalse();
        assertThat(free.fits(new Resource(0, 0, 0, 0, Map.of("nvidia.com/gpu", 2L)))).isFalse();
        assertThat(free.fits(new Resource(0, 0, 0, 0, Map.of("example.com/foo", 1L)))).isFalse();
    }

    @Test
    @DisplayName("adding then subtracting a request gives back the amount; max takes the larger of each")
    void arithmetic() {
        Resource a = new Resource(500, 100, 0, 0, Map.of("x", 1L));
        Resource b = new Resource(200, 300, 0, 0, Map.of("x", 3L));

        assertThat(a.add(b).subtract(b)).isEqualTo(a);
        assertThat(a.max(b)).isEqualTo(new Resource(500, 300, 0, 0, Map.of("x", 3L)));
    }
}
