package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.podOn;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Pod;
import kubelab.apiserver.cacher.Cacher;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Watch at the scale of 5,000 nodes")
class WatchAtScaleTest {

    @Test
    @DisplayName("with 5,000 kubelets watching their own node, a pod change is offered to that node's watch alone")
    void routedNotBroadcast() {
        ApiFixture f = new ApiFixture();
        int[] delivered = new int[5000];
        for (int i = 0; i < 5000; i++) {
            int node = i;
            f.api.watch(Pod.class, null, ListOptions.fields("spec.nodeName=node-" + i), f.loop, e -> delivered[node]++);
        }
        Cacher<Pod> cacher = f.api.registry(Pod.class).cacher();
        long before = cacher.offers();

        f.api.create(podOn("web", "node-4242"));
        f.loop.settle();

        assertThat(cacher.watcherCount()).isEqualTo(5000);
        assertThat(cacher.offers() - before).isEqualTo(1);
        assertThat(delivered[4242]).isEqualTo(1);
        assertThat(java.util.Arrays.stream(delivered).sum()).isEqualTo(1);
    }
}
