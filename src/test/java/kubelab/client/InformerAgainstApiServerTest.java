package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Informers against the real API server")
class InformerAgainstApiServerTest {
    private final SimulatedLoop loop = new SimulatedLoop(7);
    private final MemoryStore store = new MemoryStore();
    private final ApiServer api = new ApiServer(store, Scheme.standard(), loop);
    private final List<String> seen = new ArrayList<>();

    private SharedInformer<ConfigMap> informer() {
        SharedInformer<ConfigMap> informer = SharedInformer.create("configmaps",
                ListerWatcher.forApi(api, ConfigMap.class, "default", null, null), loop, Duration.ZERO);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap obj, boolean initial) {
                seen.add("add " + obj.metadata().name());
            }

            @Override
            public void onUpdate(ConfigMap oldObj, ConfigMap newObj) {
                seen.add("update " + newObj.metadata().name());
            }

            @Override
            public void onDelete(ConfigMap obj) {
                seen.add("delete " + obj.metadata().name());
            }
        });
        return informer;
    }

    @Test
    @DisplayName("an informer lists, then watches from the list's resourceVersion, and its cache follows every change")
    void listThenWatch() {
        api.create(ConfigMap.of("default", "a", Map.of("k", "1")));
        SharedInformer<ConfigMap> informer = informer();
        informer.start();
        loop.settle();

        ConfigMap b = api.create(ConfigMap.of("default", "b", Map.of("k", "1")));
        api.update(b.withData(Map.of("k", "2")));
        api.delete(ConfigMap.class, "default", "a");
        loop.settle();

        assertThat(informer.hasSynced()).isTrue();
        assertThat(seen).containsExactly("add a", "add b", "update b", "delete a");
        assertThat(informer.lister().list()).extracting(c -> c.metadata().name() + "=" + c.data().get("k"))
                .containsExactly("b=2");
    }

    @Test
    @DisplayName("after its watch ends and history is compacted, the informer gets 410 Expired, lists again and converges")
    void relistsAfterExpired() {
        api.create(ConfigMap.of("default", "a", Map.of("k", "1")));
        api.create(ConfigMap.of("default", "b", Map.of("k", "1")));
        SharedInformer<ConfigMap> informer = informer();
        informer.start();
        loop.settle();
        seen.clear();

        // The watch drops (as when an API server restarts); while the informer is away, things change
        // and the history it would resume from is compacted.
        api.closeAllWatches();
        api.delete(ConfigMap.class, "default", "a");
        api.create(ConfigMap.of("default", "c", Map.of("k", "1")));
        api.compact(store.currentRevision());
        loop.settle();

        assertThat(seen).containsExactlyInAnyOrder("delete a", "add c");
        assertThat(informer.lister().list()).extracting(c -> c.metadata().name()).containsExactly("b", "c");
        assertThat(informer.lastSyncResourceVersion()).isEqualTo(Long.toString(store.currentRevision()));
    }
}
