package kubelab.controller.garbagecollector;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.registry.Deletion;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The garbage collector")
class GarbageCollectorTest {
    private static final String NS = "default";
    private final SimulatedLoop loop = new SimulatedLoop(3);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final GarbageCollector gc = new GarbageCollector(api, informers, loop);

    private void run() {
        informers.start();
        loop.settle();
    }

    private ConfigMap configMap(String name) {
        return api.create(ConfigMap.of(NS, name, Map.of("k", "v")));
    }

    /** A ConfigMap owned by {@code owners}: the first as its controller, all blocking a foreground deletion. */
    private ConfigMap dependent(String name, KubeObject... owners) {
        ConfigMap cm = ConfigMap.of(NS, name, Map.of("k", "v"));
        return api.create(cm.withMetadata(cm.metadata().withOwnerReferences(refs(owners))));
    }

    private Pod dependentPod(String name, KubeObject owner) {
        Pod pod = Pod.of(NS, name, PodSpec.of(Container.of("app", "nginx:1.14.2")));
        return api.create(pod.withMetadata(pod.metadata().withOwnerReferences(refs(owner))));
    }

    private static List<OwnerReference> refs(KubeObject... owners) {
        OwnerReference[] refs = new OwnerReference[owners.length];
        for (int i = 0; i < owners.length; i++) {
            refs[i] = i == 0 ? OwnerReference.controllerOf(owners[i])
                    : new OwnerReference(owners[i].apiVersion(), owners[i].kind(), owners[i].name(),
                    owners[i].metadata().uid(), false, true);
        }
        return List.of(refs);
    }

    private List<String> configMaps() {
        return api.list(ConfigMap.class, NS).items().stream().map(KubeObject::name).toList();
    }

    private List<String> pods() {
        return api.list(Pod.class, NS).items().stream().map(KubeObject::name).toList();
    }

    @Test
    @DisplayName("deleting an owner in the background deletes its dependents")
    void background() {
        ConfigMap owner = configMap("owner");
        dependent("a", owner);
        dependentPod("p", owner);
        configMap("bystander");
        run();
        assertThat(gc.dependents(owner.metadata().uid())).hasSize(2);

        api.delete(ConfigMap.class, NS, "owner");
        loop.settle();

        assertThat(configMaps()).containsExactly("bystander");
        assertThat(pods()).isEmpty();
        assertThat(gc.edges()).isEmpty();
    }

    @Test
    @DisplayName("a dependent with two owners survives the loss of one and loses that reference")
    void twoOwners() {
        ConfigMap first = configMap("first");
        ConfigMap second = configMap("second");
        dependent("d", first, second);
        run();

        api.delete(ConfigMap.class, NS, "first");
        loop.settle();

        ConfigMap d = api.get(ConfigMap.class, NS, "d");
        assertThat(d.metadata().ownerReferences()).extracting(OwnerReference::uid)
                .containsExactly(second.metadata().uid());
        assertThat(configMaps()).containsExactly("d", "second");
    }

    @Test
    @DisplayName("foreground deletion deletes the dependents first, then the owner")
    void foreground() {
        ConfigMap owner = configMap("owner");
        ConfigMap held = dependent("held", owner);
        // A finalizer of someone else's keeps this dependent around, so we can watch the owner wait.
        api.update(held.withMetadata(held.metadata().withFinalizers(List.of("example.com/hold"))));
        dependentPod("p", owner);
        run();

        api.delete(ConfigMap.class, NS, "owner", DeleteOptions.propagation(DeleteOptions.FOREGROUND));
        loop.settle();

        assertThat(pods()).isEmpty();
        ConfigMap waiting = api.get(ConfigMap.class, NS, "owner");
        assertThat(waiting.metadata().deletionTimestamp()).isNotNull();
        assertThat(waiting.metadata().finalizers()).containsExactly(Deletion.FOREGROUND_FINALIZER);
        assertThat(api.get(ConfigMap.class, NS, "held").metadata().deletionTimestamp()).isNotNull();

        ConfigMap release = api.get(ConfigMap.class, NS, "held");
        api.update(release.withMetadata(release.metadata().withFinalizers(List.of())));
        loop.settle();

        assertThat(configMaps()).isEmpty();
    }

    @Test
    @DisplayName("orphan deletion keeps the dependents and removes their ownerReferences")
    void orphan() {
        ConfigMap owner = configMap("owner");
        dependent("a", owner);
        dependentPod("p", owner);
        run();

        api.delete(ConfigMap.class, NS, "owner", DeleteOptions.propagation(DeleteOptions.ORPHAN));
        loop.settle();

        assertThat(configMaps()).containsExactly("a");
        assertThat(pods()).containsExactly("p");
        assertThat(api.get(ConfigMap.class, NS, "a").metadata().ownerReferences()).isEmpty();
        assertThat(api.get(Pod.class, NS, "p").metadata().ownerReferences()).isEmpty();
    }

    @Test
    @DisplayName("a dangling ownerReference (owner never existed) gets the dependent deleted")
    void dangling() {
        ConfigMap cm = ConfigMap.of(NS, "orphaned", Map.of("k", "v"));
        api.create(cm.withMetadata(cm.metadata().withOwnerReferences(List.of(
                new OwnerReference("v1", "ConfigMap", "ghost", "no-such-uid", true, true)))));
        configMap("unrelated");
        run();

        assertThat(configMaps()).containsExactly("unrelated");
    }

    @Test
    @DisplayName("an owner recreated under the same name is a different owner: the old reference dangles")
    void sameNameOtherUid() {
        ConfigMap owner = configMap("owner");
        ConfigMap cm = ConfigMap.of(NS, "d", Map.of("k", "v"));
        api.delete(ConfigMap.class, NS, "owner");
        configMap("owner");
        api.create(cm.withMetadata(cm.metadata().withOwnerReferences(refs(owner))));
        run();

        assertThat(configMaps()).containsExactly("owner");
    }

    @Test
    @DisplayName("foreground deletion reaches down a chain: grandchildren go first, then children, then the owner")
    void foregroundChain() {
        ConfigMap owner = configMap("owner");
        ConfigMap child = dependent("child", owner);
        ConfigMap grandchild = dependent("grandchild", child);
        api.update(grandchild.withMetadata(grandchild.metadata().withFinalizers(List.of("example.com/hold"))));
        run();

        api.delete(ConfigMap.class, NS, "owner", DeleteOptions.propagation(DeleteOptions.FOREGROUND));
        loop.settle();

        // The child went in the foreground too, so both wait on the held grandchild.
        assertThat(configMaps()).containsExactly("child", "grandchild", "owner");
        assertThat(api.get(ConfigMap.class, NS, "child").metadata().finalizers())
                .containsExactly(Deletion.FOREGROUND_FINALIZER);

        ConfigMap release = api.get(ConfigMap.class, NS, "grandchild");
        api.update(release.withMetadata(release.metadata().withFinalizers(List.of())));
        loop.settle();

        assertThat(configMaps()).isEmpty();
    }

    @Test
    @DisplayName("an owner found absent is remembered: its many dependents cost one GET of it, not one each")
    void absentOwnerCache() {
        SimulatedLoop quiet = new SimulatedLoop(4);
        ApiServer server = new ApiServer(new MemoryStore(), Scheme.standard(), quiet);
        List<String> ownerGets = new ArrayList<>();
        // The API server, seen through a proxy that notes each GET of the absent owner "ghost".
        Api counting = (Api) Proxy.newProxyInstance(Api.class.getClassLoader(), new Class<?>[] {Api.class},
                (proxy, method, args) -> {
                    if (method.getName().equals("get") && "ghost".equals(args[2])) {
                        ownerGets.add((String) args[2]);
                    }
                    try {
                        return method.invoke(server, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
        InformerFactory factory = new InformerFactory(server, quiet, Duration.ZERO);
        new GarbageCollector(counting, factory, quiet);
        OwnerReference ghost = new OwnerReference("v1", "ConfigMap", "ghost", "gone-uid", true, true);
        for (int i = 0; i < 5; i++) {
            ConfigMap cm = ConfigMap.of(NS, "d" + i, Map.of("k", "v"));
            server.create(cm.withMetadata(cm.metadata().withOwnerReferences(List.of(ghost))));
        }
        factory.start();
        quiet.settle();

        assertThat(server.list(ConfigMap.class, NS).items()).isEmpty();
        assertThat(ownerGets).hasSize(1);
    }
}
