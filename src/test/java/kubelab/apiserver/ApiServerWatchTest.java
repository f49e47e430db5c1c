package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.configMap;
import static kubelab.apiserver.ApiFixture.pod;
import static kubelab.apiserver.ApiFixture.podOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The API server: watch")
class ApiServerWatchTest {
    private final ApiFixture f = new ApiFixture();
    private final ApiServer api = f.api;

    @Test
    @DisplayName("a watch from a resourceVersion delivers every later change, once, in order")
    void fromResourceVersion() {
        ConfigMap a = api.create(configMap("a", "k", "1"));
        String listed = api.list(ConfigMap.class, "default").resourceVersion();
        var rec = new ApiFixture.Recorder<ConfigMap>();
        api.watch(ConfigMap.class, "default", ListOptions.ALL.withResourceVersion(listed), f.loop, rec);

        ConfigMap a2 = api.update(a.withData(Map.of("k", "2")));
        ConfigMap b = api.create(configMap("b", "k", "1"));
        api.delete(ConfigMap.class, "default", "a");
        f.loop.settle();

        long deletedAt = f.store.currentRevision();
        assertThat(rec.lines()).containsExactly(
                "MODIFIED a@" + a2.metadata().resourceVersion(),
                "ADDED b@" + b.metadata().resourceVersion(),
                "DELETED a@" + deletedAt);
    }

    @Test
    @DisplayName("a watch with no resourceVersion starts with every existing object as ADDED")
    void initialState() {
        api.create(configMap("a", "k", "1"));
        api.create(configMap("b", "k", "1"));
        var rec = new ApiFixture.Recorder<ConfigMap>();

        api.watch(ConfigMap.class, "default", ListOptions.ALL, f.loop, rec);
        f.loop.settle();

        assertThat(rec.events).extracting(e -> e.type() + " " + e.object().metadata().name())
                .containsExactly("ADDED a", "ADDED b");
    }

    @Test
    @DisplayName("nothing arrives until the loop runs: events are delivered on the client's loop")
    void deliveredOnTheLoop() {
        var rec = new ApiFixture.Recorder<ConfigMap>();
        api.watch(ConfigMap.class, "default", ListOptions.ALL, f.loop, rec);

        api.create(configMap("a", "k", "1"));
        assertThat(rec.events).isEmpty();

        f.loop.settle();
        assertThat(rec.events).hasSize(1);
    }

    @Test
    @DisplayName("an object leaving a label selection is seen as DELETED, one entering it as ADDED")
    void selectionChanges() {
        Pod web = api.create(pod("web", "tier", "front"));
        var rec = new ApiFixture.Recorder<Pod>();
        api.watch(Pod.class, "default", ListOptions.labels("tier=front").withResourceVersion(web.metadata().resourceVersion()),
                f.loop, rec);

        Pod moved = api.update(web.withMetadata(web.metadata().withLabel("tier", "back")));
        api.update(moved.withMetadata(moved.metadata().withLabel("tier", "front")));
        f.loop.settle();

        assertThat(rec.events).extracting(e -> e.type().toString()).containsExactly("DELETED", "ADDED");
    }

    @Test
    @DisplayName("a kubelet's watch on spec.nodeName sees only its own node's pods, routed by index")
    void indexedByNode() {
        var node1 = new ApiFixture.Recorder<Pod>();
        var node2 = new ApiFixture.Recorder<Pod>();
        api.watch(Pod.class, null, ListOptions.fields("spec.nodeName=node-1"), f.loop, node1);
        api.watch(Pod.class, null, ListOptions.fields("spec.nodeName=node-2"), f.loop, node2);

        api.create(podOn("a", "node-1"));
        api.create(podOn("b", "node-2"));
        api.create(podOn("c", "node-1"));
        f.loop.settle();

        assertThat(node1.lines()).extracting(l -> l.split("@")[0]).containsExactly("ADDED a", "ADDED c");
        assertThat(node2.lines()).extracting(l -> l.split("@")[0]).containsExactly("ADDED b");
    }

    @Test
    @DisplayName("a pod bound to a node after creation enters that node's watch as ADDED")
    void binding() {
        Pod p = api.create(pod("web"));
        var node1 = new ApiFixture.Recorder<Pod>();
        api.watch(Pod.class, null, ListOptions.fields("spec.nodeName=node-1"), f.loop, node1);

        api.update(p.withSpec(p.spec().withNodeName("node-1")));
        f.loop.settle();

        assertThat(node1.events).extracting(e -> e.type().toString()).containsExactly("ADDED");
    }

    @Test
    @DisplayName("a watch from a resourceVersion older than the compacted history is 410 Expired")
    void expired() {
        ConfigMap a = api.create(configMap("a", "k", "1"));
        String old = a.metadata().resourceVersion();
        api.update(a.withData(Map.of("k", "2")));
        api.compact(f.store.currentRevision());

        assertThatThrownBy(() -> api.watch(ConfigMap.class, "default", ListOptions.ALL.withResourceVersion(old),
                f.loop, new ApiFixture.Recorder<>()))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(410);
                    assertThat(e.reason()).isEqualTo("Expired");
                    assertThat(e.getMessage()).startsWith("too old resource version: " + old);
                });
    }

    @Test
    @DisplayName("every five minutes the server compacts what was already history five minutes before")
    void periodicCompaction() {
        ConfigMap a = api.create(configMap("a", "k", "1"));
        String old = a.metadata().resourceVersion();

        f.loop.advance(Duration.ofMinutes(5));
        assertThat(f.store.compactedRevision()).isZero();
        api.update(a.withData(Map.of("k", "2")));
        f.loop.advance(Duration.ofMinutes(5));

        assertThat(f.store.compactedRevision()).isEqualTo(Long.parseLong(old));
    }

    @Test
    @DisplayName("a watch that asks for bookmarks gets one every minute with the current resourceVersion")
    void bookmarks() {
        var rec = new ApiFixture.Recorder<ConfigMap>();
        api.watch(ConfigMap.class, "default", ListOptions.ALL.withResourceVersion("1").withAllowWatchBookmarks(true),
                f.loop, rec);
        api.create(configMap("a", "k", "1"));

        f.loop.advance(Duration.ofMinutes(1));

        assertThat(rec.events).extracting(e -> e.type().toString()).containsExactly("ADDED", "BOOKMARK");
        assertThat(rec.events.get(1).resourceVersion()).isEqualTo(Long.toString(f.store.currentRevision()));
    }

    @Test
    @DisplayName("a watch with timeoutSeconds ends by itself, and the client is told")
    void timeout() {
        var rec = new ApiFixture.Recorder<ConfigMap>();
        api.watch(ConfigMap.class, "default", ListOptions.ALL.withTimeoutSeconds(30L), f.loop, rec);

        f.loop.advance(Duration.ofSeconds(31));
        api.create(configMap("a", "k", "1"));
        f.loop.settle();

        assertThat(rec.closed).isTrue();
        assertThat(rec.events).isEmpty();
    }

    @Test
    @DisplayName("a closed watch delivers nothing more")
    void close() {
        var rec = new ApiFixture.Recorder<ConfigMap>();
        ApiWatch w = api.watch(ConfigMap.class, "default", ListOptions.ALL, f.loop, rec);
        api.create(configMap("a", "k", "1"));
        w.close();
        f.loop.settle();

        assertThat(rec.events).isEmpty();
    }
}
