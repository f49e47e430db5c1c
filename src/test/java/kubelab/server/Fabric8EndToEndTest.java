package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.ConfigMapBuilder;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.DeploymentBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.Watch;
import io.fabric8.kubernetes.client.Watcher;
import io.fabric8.kubernetes.client.WatcherException;
import io.fabric8.kubernetes.client.http.BasicBuilder;
import io.fabric8.kubernetes.client.http.HttpRequest;
import io.fabric8.kubernetes.client.http.Interceptor;
import io.fabric8.kubernetes.client.informers.ResourceEventHandler;
import io.fabric8.kubernetes.client.informers.SharedIndexInformer;
import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The fabric8 kubernetes-client (its JDK HTTP client) against {@code kubelab serve}: CRUD with
 * optimistic concurrency, a WebSocket watch, and a SharedIndexInformer that lives through a 410.
 */
@Tag("chapter1")
@Timeout(value = 60, unit = TimeUnit.SECONDS)
@DisplayName("The fabric8 Java client against kubelab serve")
class Fabric8EndToEndTest {
    private static final long TIMEOUT_SECONDS = 20;

    static LiveServer live;
    static KubernetesClient client;
    /** Every URI the client asked for, in order: what an informer lists and watches with. */
    static final List<URI> requests = new java.util.concurrent.CopyOnWriteArrayList<>();

    @BeforeAll
    static void start() throws Exception {
        live = new LiveServer(2);
        // Config.empty(): nothing from this machine's ~/.kube/config or environment leaks in
        Config config = new ConfigBuilder(Config.empty())
                .withMasterUrl("http://127.0.0.1:" + live.server.httpPort())
                .withOauthToken(LiveServer.ADMIN)
                .withRequestTimeout(30_000)
                .withWatchReconnectInterval(100)
                .build();
        client = new KubernetesClientBuilder().withConfig(config)
                .withHttpClientBuilderConsumer(b -> b.addOrReplaceInterceptor("record", new Interceptor() {
                    @Override
                    public void before(BasicBuilder builder, HttpRequest request, RequestTags tags) {
                        requests.add(request.uri());
                    }
                }))
                .build();
    }

    @AfterAll
    static void stop() throws Exception {
        if (client != null) {
            client.close();
        }
        live.close();
    }

    private static String namespace(String name) {
        client.namespaces().resource(new NamespaceBuilder().withNewMetadata().withName(name).endMetadata().build()).create();
        return name;
    }

    private static ConfigMap configMap(String ns, String name, Map<String, String> labels, Map<String, String> data) {
        return new ConfigMapBuilder().withNewMetadata().withNamespace(ns).withName(name).withLabels(labels).endMetadata()
                .withData(data).build();
    }

    @Test
    @DisplayName("create, get, list by label, edit and delete a ConfigMap; an update from a stale copy is 409 Conflict")
    void configMapCrud() {
        String ns = namespace("f8-crud");
        var configMaps = client.configMaps().inNamespace(ns);
        ConfigMap created = configMaps.resource(configMap(ns, "settings", Map.of("app", "web"), Map.of("color", "blue"))).create();
        configMaps.resource(configMap(ns, "other", Map.of("app", "db"), Map.of())).create();
        assertThat(created.getMetadata().getUid()).isNotEmpty();
        assertThat(created.getMetadata().getResourceVersion()).isNotEmpty();

        assertThat(configMaps.withName("settings").get().getData()).containsEntry("color", "blue");
        assertThat(configMaps.withName("missing").get()).isNull();
        assertThat(configMaps.withLabel("app", "web").list().getItems())
                .extracting(c -> c.getMetadata().getName()).containsExactly("settings");

        ConfigMap edited = configMaps.withName("settings").edit(c -> new ConfigMapBuilder(c).addToData("color", "green").build());
        assertThat(edited.getData()).containsEntry("color", "green");
        assertThat(edited.getMetadata().getResourceVersion()).isNotEqualTo(created.getMetadata().getResourceVersion());

        // created carries the old resourceVersion: the server refuses to overwrite the edit
        created.getData().put("color", "red");
        assertThatThrownBy(() -> configMaps.resource(created).update())
                .isInstanceOfSatisfying(KubernetesClientException.class, e -> {
                    assertThat(e.getCode()).isEqualTo(409);
                    assertThat(e.getStatus().getReason()).isEqualTo("Conflict");
                });

        assertThat(configMaps.withName("settings").delete()).hasSize(1);
        assertThat(configMaps.withName("settings").get()).isNull();
        assertThat(configMaps.list().getItems()).extracting(c -> c.getMetadata().getName()).containsExactly("other");
    }

    @Test
    @DisplayName("a Deployment created with fabric8 rolls out (waitUntilCondition watches it), is edited, listed by label and deleted")
    void deployment() {
        String ns = namespace("f8-deploy");
        var deployments = client.apps().deployments().inNamespace(ns);
        Deployment d = new DeploymentBuilder()
                .withNewMetadata().withName("web").withNamespace(ns).addToLabels("tier", "front").endMetadata()
                .withNewSpec().withReplicas(2)
                .withNewSelector().addToMatchLabels("app", "web").endSelector()
                .withNewTemplate().withNewMetadata().addToLabels("app", "web").endMetadata()
                .withNewSpec().addNewContainer().withName("nginx").withImage("nginx:1.27").endContainer().endSpec()
                .endTemplate().endSpec().build();
        Deployment created = deployments.resource(d).create();
        assertThat(created.getSpec().getStrategy().getType()).isEqualTo("RollingUpdate");   // defaulted by the server

        Deployment ready = deployments.withName("web").waitUntilCondition(
                x -> x.getStatus() != null && Objects.equals(x.getStatus().getReadyReplicas(), 2), TIMEOUT_SECONDS, TimeUnit.SECONDS);
        assertThat(ready.getStatus().getReplicas()).isEqualTo(2);
        assertThat(client.pods().inNamespace(ns).withLabel("app", "web").list().getItems()).hasSize(2);

        Deployment scaled = deployments.withName("web").edit(x -> new DeploymentBuilder(x).editSpec().withReplicas(3).endSpec().build());
        assertThat(scaled.getSpec().getReplicas()).isEqualTo(3);
        assertThat(deployments.withLabel("tier", "front").list().getItems()).extracting(x -> x.getMetadata().getName())
                .containsExactly("web");
        assertThat(deployments.withLabel("tier", "back").list().getItems()).isEmpty();

        assertThat(deployments.withName("web").delete()).hasSize(1);
        assertThat(deployments.withName("web").get()).isNull();
    }

    @Test
    @DisplayName("a watch on pods (over WebSocket) sees ADDED, then MODIFIED as the pod is scheduled and started, then DELETED")
    void watchPods() throws Exception {
        String ns = namespace("f8-watch");
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        CountDownLatch deleted = new CountDownLatch(1);
        try (Watch ignored = client.pods().inNamespace(ns).watch(new Watcher<Pod>() {
            @Override
            public void eventReceived(Action action, Pod pod) {
                events.add(action + " " + pod.getMetadata().getName());
                if (action == Action.DELETED) {
                    deleted.countDown();
                }
            }

            @Override
            public void onClose(WatcherException cause) {
                events.add("CLOSED " + cause);
            }
        })) {
            Pod pod = new PodBuilder().withNewMetadata().withName("watched").endMetadata()
                    .withNewSpec().addNewContainer().withName("main").withImage("busybox").withCommand("sleep", "3600").endContainer()
                    .endSpec().build();
            client.pods().inNamespace(ns).resource(pod).create();
            client.pods().inNamespace(ns).withName("watched").waitUntilReady(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            client.pods().inNamespace(ns).withName("watched").withGracePeriod(0).delete();
            assertThat(deleted.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("DELETED arrives; events so far: %s", events).isTrue();
        }
        List<String> seen = List.copyOf(events);
        assertThat(seen.get(0)).isEqualTo("ADDED watched");
        assertThat(seen).contains("MODIFIED watched");
        assertThat(seen.get(seen.size() - 1)).isEqualTo("DELETED watched");
        assertThat(requests).anyMatch(u -> u.getPath().equals("/api/v1/namespaces/f8-watch/pods") && u.getQuery() != null
                && u.getQuery().contains("watch=true"));
    }

    @Test
    @DisplayName("an informer lists with resourceVersion=0, watches with bookmarks, and after a 410 relists until its store is exactly the server's")
    void informerSurvivesExpiredWatch() throws Exception {
        String ns = namespace("f8-informer");
        var configMaps = client.configMaps().inNamespace(ns);
        for (String name : List.of("a", "b", "c")) {
            configMaps.resource(configMap(ns, name, Map.of(), Map.of("v", "1"))).create();
        }
        Set<String> added = ConcurrentHashMap.newKeySet();
        Set<String> deletedNames = ConcurrentHashMap.newKeySet();
        CountDownLatch firstThree = new CountDownLatch(3);
        CountDownLatch gone = new CountDownLatch(1);
        CountDownLatch laterTwo = new CountDownLatch(2);
        try (SharedIndexInformer<ConfigMap> informer = configMaps.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                String name = cm.getMetadata().getName();
                if (added.add(name)) {
                    (Set.of("a", "b", "c").contains(name) ? firstThree : laterTwo).countDown();
                }
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap after) {
            }

            @Override
            public void onDelete(ConfigMap cm, boolean finalStateUnknown) {
                deletedNames.add(cm.getMetadata().getName() + (finalStateUnknown ? " (final state unknown)" : ""));
                gone.countDown();
            }
        }, 0)) {
            assertThat(firstThree.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(requests).anyMatch(u -> isFor(u, ns) && has(u, "resourceVersion=0") && !has(u, "watch=true"));

            // The API server "restarts": every watch ends; while none is open, "a" is deleted and
            // the history compacted, so the informer's resourceVersion is too old to watch from.
            live.cluster.call(c -> {
                c.api().closeAllWatches();
                c.api().delete(kubelab.api.core.ConfigMap.class, ns, "a");
                c.api().compact(c.api().store().currentRevision());
                return null;
            });
            for (String name : List.of("d", "e")) {
                configMaps.resource(configMap(ns, name, Map.of(), Map.of("v", "1"))).create();
            }

            assertThat(gone.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).as("the relist notices the deletion").isTrue();
            assertThat(laterTwo.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            assertThat(deletedNames).containsExactly("a (final state unknown)");
            Set<String> onServer = names(configMaps.list().getItems());
            assertThat(onServer).containsExactlyInAnyOrder("b", "c", "d", "e");
            assertThat(names(informer.getStore().list())).isEqualTo(onServer);
            assertThat(requests).anyMatch(u -> isFor(u, ns) && has(u, "watch=true") && has(u, "allowWatchBookmarks=true")
                    && has(u, "timeoutSeconds="));
        }
    }

    @Test
    @DisplayName("the informer's watch URL (allowWatchBookmarks=true) gets BOOKMARK events that fabric8 decodes as the kind with only a resourceVersion")
    void bookmarks() throws Exception {
        String ns = namespace("f8-bookmark");
        var configMaps = client.configMaps().inNamespace(ns);
        configMaps.resource(configMap(ns, "one", Map.of(), Map.of())).create();
        CountDownLatch synced = new CountDownLatch(1);
        try (SharedIndexInformer<ConfigMap> informer = configMaps.inform(new ResourceEventHandler<>() {
            @Override
            public void onAdd(ConfigMap cm) {
                synced.countDown();
            }

            @Override
            public void onUpdate(ConfigMap before, ConfigMap after) {
            }

            @Override
            public void onDelete(ConfigMap cm, boolean finalStateUnknown) {
            }
        }, 0)) {
            assertThat(synced.await(TIMEOUT_SECONDS, TimeUnit.SECONDS)).isTrue();
            URI watchUri = requests.stream().filter(u -> isFor(u, ns) && has(u, "watch=true")).findFirst().orElseThrow();
            assertThat(watchUri.getQuery()).contains("allowWatchBookmarks=true").contains("timeoutSeconds=");

            // The same watch, opened by hand: a BOOKMARK arrives within a minute of cluster time.
            BlockingQueue<String> bookmarks = new LinkedBlockingQueue<>();
            java.net.http.WebSocket ws = live.client.newWebSocketBuilder().header("Authorization", "Bearer " + LiveServer.ADMIN)
                    .buildAsync(URI.create(watchUri.toString().replaceFirst("^http", "ws")), new java.net.http.WebSocket.Listener() {
                        private final StringBuilder text = new StringBuilder();

                        @Override
                        public java.util.concurrent.CompletionStage<?> onText(java.net.http.WebSocket w, CharSequence data, boolean last) {
                            text.append(data);
                            if (last) {
                                if (text.toString().contains("\"BOOKMARK\"")) {
                                    bookmarks.add(text.toString());
                                }
                                text.setLength(0);
                            }
                            w.request(1);
                            return null;
                        }
                    }).get(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            String bookmark = bookmarks.poll(TIMEOUT_SECONDS, TimeUnit.SECONDS);
            ws.sendClose(java.net.http.WebSocket.NORMAL_CLOSURE, "done");
            assertThat(bookmark).as("a BOOKMARK within %s s", TIMEOUT_SECONDS).isNotNull();
            io.fabric8.kubernetes.api.model.WatchEvent event = client.getKubernetesSerialization()
                    .unmarshal(bookmark, io.fabric8.kubernetes.api.model.WatchEvent.class);
            assertThat(event.getType()).isEqualTo("BOOKMARK");
            // A bookmark never takes the client back: it is at least the revision the watch started from.
            long watchedFrom = List.of(watchUri.getQuery().split("&")).stream().filter(p -> p.startsWith("resourceVersion="))
                    .map(p -> Long.parseLong(p.substring("resourceVersion=".length()))).findFirst().orElseThrow();
            assertThat(event.getObject()).isInstanceOfSatisfying(ConfigMap.class, cm ->
                    assertThat(Long.parseLong(cm.getMetadata().getResourceVersion())).isGreaterThanOrEqualTo(watchedFrom));
            assertThat(informer.isWatching()).isTrue();
        }
    }


    private static boolean isFor(URI u, String ns) {
        return u.getPath().equals("/api/v1/namespaces/" + ns + "/configmaps");
    }

    private static boolean has(URI u, String param) {
        return u.getQuery() != null && List.of(u.getQuery().split("&")).stream().anyMatch(p -> p.startsWith(param));
    }

    private static Set<String> names(List<? extends HasMetadata> objects) {
        return objects.stream().map(o -> o.getMetadata().getName()).collect(Collectors.toSet());
    }

    @Test
    @DisplayName("server-side apply creates a ConfigMap, then changes only the fields its manager owns")
    void serverSideApply() {
        String ns = namespace("f8-apply");
        var configMaps = client.configMaps().inNamespace(ns);
        ConfigMap applied = configMaps.resource(configMap(ns, "ssa", Map.of("app", "web"), Map.of("a", "1"))).serverSideApply();
        assertThat(applied.getData()).containsEntry("a", "1");
        assertThat(applied.getMetadata().getManagedFields()).extracting(f -> f.getManager()).contains("fabric8");
        ConfigMap again = configMaps.resource(configMap(ns, "ssa", Map.of("app", "web"), Map.of("a", "2", "b", "3"))).serverSideApply();
        assertThat(again.getData()).containsExactlyInAnyOrderEntriesOf(Map.of("a", "2", "b", "3"));
    }
}
