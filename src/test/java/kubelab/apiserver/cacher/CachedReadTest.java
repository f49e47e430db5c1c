package kubelab.apiserver.cacher;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiServer;
import kubelab.store.HandOffStore;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A get reads the store, for an answer as fresh as a quorum read, and takes the watch cache's
 * already decoded copy only when the cache holds that very revision of the object.
 */
@Tag("chapter1")
@DisplayName("A get")
class CachedReadTest {
    private final SimulatedLoop loop = new SimulatedLoop(5);

    @Test
    @DisplayName("returns the watch cache's own copy when the cache holds the revision the store has (nothing decoded twice)")
    void sameRevisionSharesTheCachedObject() {
        ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
        api.create(ConfigMap.of("default", "shared", Map.of("k", "v")));
        ConfigMap fromList = api.list(ConfigMap.class, "default").items().get(0);
        ConfigMap fromGet = api.get(ConfigMap.class, "default", "shared");
        assertThat(fromGet).isSameAs(fromList);
    }

    @Test
    @DisplayName("decodes the store's bytes when the watch cache has not seen the newest write yet")
    void staleCacheMeansDecode() {
        MemoryStore memory = new MemoryStore();
        HandOffStore lagging = new HandOffStore(memory);   // events wait until delivered
        lagging.deliverOn(loop);
        ApiServer api = new ApiServer(lagging, Scheme.standard(), loop);
        api.create(ConfigMap.of("default", "cm", Map.of("k", "old")));
        loop.runReady();
        // another API server's write: in the store now, in this server's cache only once delivered
        memory.update("/registry/configmaps/default/cm", Json.toBytes(ConfigMap.of("default", "cm", Map.of("k", "new"))),
                memory.get("/registry/configmaps/default/cm").orElseThrow().modRevision());

        assertThat(api.get(ConfigMap.class, "default", "cm").data()).containsEntry("k", "new");
        assertThat(api.list(ConfigMap.class, "default").items().get(0).data()).as("the cache, not yet told")
                .containsEntry("k", "old");
        loop.runReady();
        assertThat(api.list(ConfigMap.class, "default").items().get(0).data()).containsEntry("k", "new");
    }
}
