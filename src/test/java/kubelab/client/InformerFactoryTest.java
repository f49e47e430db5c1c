package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.meta.KubeObject;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class InformerFactoryTest {

    private final SimulatedLoop loop = new SimulatedLoop(1);

    @Test
    @DisplayName("components asking for the same type share one informer: one list, one watch")
    void shared() {
        FakeListerWatcher<Thing> server = new FakeListerWatcher<>();
        server.add(Thing.of("default", "a", "1"));
        List<String> requested = new ArrayList<>();
        InformerFactory factory = new InformerFactory(loop, Duration.ZERO, new InformerFactory.ListerWatcherSource() {
            @Override
            @SuppressWarnings("unchecked")
            public <T extends KubeObject> ListerWatcher<T> forType(Class<T> type, String namespace) {
                requested.add(type.getSimpleName() + " in " + namespace);
                return (ListerWatcher<T>) server;
            }
        });

        SharedInformer<Thing> forScheduler = factory.informerFor(Thing.class);
        SharedInformer<Thing> forController = factory.informerFor(Thing.class);
        assertThat(factory.hasSynced()).isFalse();
        factory.start();

        assertThat(factory.waitForCacheSync(Duration.ofSeconds(10))).isTrue();
        assertThat(forController).isSameAs(forScheduler);
        assertThat(requested).containsExactly("Thing in null");
        assertThat(server.lists).hasSize(1);
        assertThat(server.watchRequests).hasSize(1);
        assertThat(factory.listerFor(Thing.class).list()).extracting(Thing::name).containsExactly("a");
    }

    @Test
    @DisplayName("a controller built from the factory reconciles objects created through the client")
    void endToEnd() {
        FakeApi api = new FakeApi();
        Client client = new Client(api, loop);
        InformerFactory factory = new InformerFactory(api, loop, Duration.ZERO);
        SharedInformer<Thing> informer = factory.informerFor(Thing.class);
        RateLimitingQueue<String> queue = new RateLimitingQueue<>("things", loop);
        informer.addEventHandler(ResourceEventHandler.onAnyChange(t -> queue.add(Cache.metaNamespaceKey(t))));
        // The "controller": every Thing's spec should end in "!". It reads the cache, writes via the client.
        new Worker<>(queue, loop, key -> {
            Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
            informer.lister().inNamespace(nn.namespace()).get(nn.name())
                    .filter(t -> !t.spec().endsWith("!"))
                    .ifPresent(t -> client.resources(Thing.class).update(t.withSpec(t.spec() + "!")));
        });
        factory.start();
        factory.waitForCacheSync(Duration.ofSeconds(1));

        client.resources(Thing.class).inNamespace("default").create(Thing.of(null, "web", "hello"));
        loop.settle();

        assertThat(client.resources(Thing.class).inNamespace("default").get("web").spec()).isEqualTo("hello!");
        assertThat(informer.lister().inNamespace("default").get("web").orElseThrow().spec()).isEqualTo("hello!");
        assertThat(api.updateCalls).isEqualTo(1); // level-based: the second look finds nothing to do
    }
}
