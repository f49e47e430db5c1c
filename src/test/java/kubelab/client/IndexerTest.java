package kubelab.client;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import kubelab.api.meta.ObjectMeta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class IndexerTest {

    /** Pods by {@code spec.nodeName}, here the Thing's spec; counts how often it is asked. */
    private final AtomicInteger indexCalls = new AtomicInteger();
    private final IndexFunc<Thing> byNode = thing -> {
        indexCalls.incrementAndGet();
        return thing.spec() == null ? List.of() : List.of(thing.spec());
    };
    private final Indexer<Thing> indexer = Indexer.namespaced();

    @Test
    @DisplayName("objects are stored under namespace/name, cluster-scoped ones under their name")
    void keys() {
        Thing pod = Thing.of("default", "web", null);
        Thing node = new Thing("v1", "Node", ObjectMeta.named("node-1"), null);

        assertThat(Cache.metaNamespaceKey(pod)).isEqualTo("default/web");
        assertThat(Cache.metaNamespaceKey(node)).isEqualTo("node-1");
        assertThat(Cache.splitMetaNamespaceKey("default/web")).isEqualTo(new Cache.NamespacedName("default", "web"));
        assertThat(Cache.splitMetaNamespaceKey("node-1")).isEqualTo(new Cache.NamespacedName(null, "node-1"));
        assertThatThrownBy(() -> Cache.splitMetaNamespaceKey("a/b/c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    @DisplayName("a custom index finds pods by node without scanning")
    void customIndex() {
        indexer.addIndexers(Map.of("byNode", byNode));
        for (int i = 0; i < 1000; i++) {
            indexer.add(Thing.of("default", "pod-" + i, "node-" + (i % 10)));
        }
        indexCalls.set(0);

        List<Thing> onNode3 = indexer.byIndex("byNode", "node-3");

        assertThat(onNode3).hasSize(100).allMatch(p -> p.spec().equals("node-3"));
        assertThat(indexCalls).hasValue(0); // a lookup, not a scan

        indexer.update(indexer.getByKey("default/pod-3").orElseThrow().withSpec("node-4"));
        assertThat(indexCalls).hasValue(2); // the old and the new object, nothing else
        assertThat(indexer.indexKeys("byNode", "node-3")).hasSize(99).doesNotContain("default/pod-3");
        assertThat(indexer.indexKeys("byNode", "node-4")).hasSize(101).contains("default/pod-3");
    }

    @Test
    @DisplayName("a deleted object leaves every index, and empty index values disappear")
    void deleteLeavesIndex() {
        indexer.addIndexers(Map.of("byNode", byNode));
        Thing web = Thing.of("default", "web", "node-1");
        indexer.add(web);
        indexer.add(Thing.of("kube-system", "dns", "node-2"));

        indexer.delete(web);

        assertThat(indexer.byIndex("byNode", "node-1")).isEmpty();
        assertThat(indexer.listIndexFuncValues("byNode")).containsExactly("node-2");
        assertThat(indexer.listIndexFuncValues(Indexer.NAMESPACE_INDEX)).containsExactly("kube-system");
        assertThat(indexer.index("byNode", Thing.of("any", "thing", "node-2"))).extracting(Thing::name).containsExactly("dns");
    }

    @Test
    @DisplayName("an index added to a populated store covers the objects already there")
    void lateIndex() {
        indexer.add(Thing.of("default", "web", "node-1"));

        indexer.addIndexers(Map.of("byNode", byNode));

        assertThat(indexer.byIndex("byNode", "node-1")).extracting(Thing::name).containsExactly("web");
        assertThatThrownBy(() -> indexer.addIndexers(Map.of("byNode", byNode)))
                .hasMessageContaining("indexer conflict: byNode");
    }

    @Test
    @DisplayName("replace swaps the whole content and rebuilds every index")
    void replace() {
        indexer.addIndexers(Map.of("byNode", byNode));
        indexer.add(Thing.of("default", "old", "node-1"));

        indexer.replace(List.of(Thing.of("default", "b", "node-2"), Thing.of("default", "a", "node-2")), "7");

        assertThat(indexer.listKeys()).containsExactly("default/a", "default/b");
        assertThat(indexer.byIndex("byNode", "node-1")).isEmpty();
        assertThat(indexer.indexKeys("byNode", "node-2")).containsExactly("default/a", "default/b");
    }

    @Test
    @DisplayName("asking for an index that does not exist is an error")
    void unknownIndex() {
        assertThatThrownBy(() -> indexer.byIndex("byColour", "red"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("index with name byColour does not exist");
    }

    @Test
    @DisplayName("a lister answers by namespace, by name and by label, from the cache")
    void lister() {
        indexer.add(Thing.of("default", "web", null).withLabel("app", "web"));
        indexer.add(Thing.of("default", "db", null).withLabel("app", "db"));
        indexer.add(Thing.of("prod", "web", null).withLabel("app", "web"));
        Lister<Thing> lister = new Lister<>(indexer);

        assertThat(lister.list()).hasSize(3);
        assertThat(lister.list(labels -> "web".equals(labels.get("app")))).extracting(Cache::metaNamespaceKey)
                .containsExactly("default/web", "prod/web");
        assertThat(lister.inNamespace("default").list()).extracting(Thing::name).containsExactly("db", "web");
        assertThat(lister.inNamespace("default").list(labels -> labels.containsKey("app"))).hasSize(2);
        assertThat(lister.inNamespace("prod").get("web")).isPresent();
        assertThat(lister.inNamespace("prod").get("db")).isEmpty();
    }

    @Test
    @DisplayName("a namespace lister works without the namespace index, by scanning")
    void listerWithoutIndex() {
        Indexer<Thing> plain = Indexer.create(Map.of());
        plain.add(Thing.of("default", "web", null));
        plain.add(Thing.of("prod", "web", null));

        assertThat(new Lister<>(plain).inNamespace("prod").list()).extracting(Cache::metaNamespaceKey)
                .containsExactly("prod/web");
    }
}
