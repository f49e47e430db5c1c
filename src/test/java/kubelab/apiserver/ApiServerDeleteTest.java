package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.configMap;
import static kubelab.apiserver.ApiFixture.pod;
import static kubelab.apiserver.ApiFixture.podOn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.List;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Namespace;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The API server: deletion, finalizers and namespaces")
class ApiServerDeleteTest {
    private final ApiFixture f = new ApiFixture();
    private final ApiServer api = f.api;

    @Test
    @DisplayName("an object without finalizers or grace period is gone at once")
    void immediate() {
        api.create(configMap("settings", "a", "b"));

        DeleteResult<ConfigMap> result = api.delete(ConfigMap.class, "default", "settings");

        assertThat(result.deleted()).isTrue();
        assertThat(result.object().metadata().resourceVersion()).isEqualTo(Long.toString(f.store.currentRevision()));
        assertThatThrownBy(() -> api.get(ConfigMap.class, "default", "settings")).isInstanceOf(ApiException.class);
    }

    @Test
    @DisplayName("a finalizer holds a deleted object until the last finalizer is removed")
    void finalizers() {
        ConfigMap cm = configMap("settings", "a", "b");
        api.create(cm.withMetadata(cm.metadata().withFinalizers(List.of("example.com/cleanup"))));

        DeleteResult<ConfigMap> pending = api.delete(ConfigMap.class, "default", "settings");
        assertThat(pending.deleted()).isFalse();
        assertThat(pending.object().metadata().deletionTimestamp()).isEqualTo(f.loop.now());

        ConfigMap stored = api.get(ConfigMap.class, "default", "settings");
        api.update(stored.withMetadata(stored.metadata().withFinalizers(List.of())));

        assertThatThrownBy(() -> api.get(ConfigMap.class, "default", "settings"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    @DisplayName("a running pod is deleted gracefully: a deletionTimestamp 30 s ahead, gone when deleted with grace 0")
    void gracefulPod() {
        api.create(podOn("web", "node-1"));

        DeleteResult<Pod> first = api.delete(Pod.class, "default", "web");
        assertThat(first.deleted()).isFalse();
        assertThat(first.object().metadata().deletionTimestamp()).isEqualTo(f.loop.now().plusSeconds(30));
        assertThat(first.object().metadata().deletionGracePeriodSeconds()).isEqualTo(30L);

        // The kubelet, once the containers have stopped, deletes with grace period 0.
        DeleteResult<Pod> last = api.delete(Pod.class, "default", "web", DeleteOptions.gracePeriod(0));
        assertThat(last.deleted()).isTrue();
    }

    @Test
    @DisplayName("a pod that was never scheduled is deleted at once: no kubelet has to stop it")
    void unscheduledPod() {
        api.create(pod("web"));

        assertThat(api.delete(Pod.class, "default", "web").deleted()).isTrue();
    }

    @Test
    @DisplayName("propagationPolicy Orphan and Foreground leave the garbage collector a finalizer")
    void propagation() {
        api.create(configMap("a", "k", "v"));
        api.create(configMap("b", "k", "v"));

        assertThat(api.delete(ConfigMap.class, "default", "a", DeleteOptions.propagation(DeleteOptions.ORPHAN))
                .object().metadata().finalizers()).containsExactly("orphan");
        assertThat(api.delete(ConfigMap.class, "default", "b", DeleteOptions.propagation(DeleteOptions.FOREGROUND))
                .object().metadata().finalizers()).containsExactly("foregroundDeletion");
    }

    @Test
    @DisplayName("a delete whose uid precondition no longer holds is a Conflict")
    void preconditions() {
        api.create(configMap("a", "k", "v"));

        assertThatThrownBy(() -> api.delete(ConfigMap.class, "default", "a",
                new DeleteOptions(null, null, "some-other-uid", null, false)))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.getMessage()).contains("Precondition failed: UID in precondition: some-other-uid");
                });
    }

    @Test
    @DisplayName("an object in a namespace that does not exist is 404: namespaces \"x\" not found")
    void missingNamespace() {
        Pod p = pod("web");

        assertThatThrownBy(() -> api.create(p.withMetadata(p.metadata().withNamespace("cpu-example"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("namespaces \"cpu-example\" not found");
                });
    }

    @Test
    @DisplayName("a terminating namespace refuses new objects until it is finalized, then it is gone")
    void terminatingNamespace() {
        api.create(Namespace.named("dev"));
        Pod p = pod("web");
        Pod inDev = p.withMetadata(p.metadata().withNamespace("dev"));
        api.create(inDev);

        DeleteResult<Namespace> deleting = api.delete(Namespace.class, null, "dev");
        assertThat(deleting.deleted()).isFalse();
        assertThat(deleting.object().status().phase()).isEqualTo("Terminating");

        Pod another = inDev.withMetadata(inDev.metadata().withName("web-2"));
        assertThatThrownBy(() -> api.create(another)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(403);
            assertThat(e.getMessage()).isEqualTo("pods \"web-2\" is forbidden: "
                    + "unable to create new content in namespace dev because it is being terminated");
            // Controllers recognise this refusal by its cause and do not retry it.
            assertThat(e.hasCause("NamespaceTerminating")).isTrue();
            assertThat(e.status().details().causes().get(0).field()).isEqualTo("metadata.namespace");
        });

        // What the namespace controller does: empty the namespace, then remove the finalizer.
        api.delete(Pod.class, "dev", "web");
        Namespace ns = api.get(Namespace.class, null, "dev");
        api.finalizeNamespace(ns.withSpec(new kubelab.api.core.NamespaceSpec(List.of())));

        assertThatThrownBy(() -> api.get(Namespace.class, null, "dev"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    @DisplayName("the default, kube-system and kube-public namespaces exist and cannot be deleted")
    void systemNamespaces() {
        assertThat(api.list(Namespace.class, null).items()).extracting(n -> n.metadata().name())
                .contains("default", "kube-system", "kube-public", "kube-node-lease");

        assertThatThrownBy(() -> api.delete(Namespace.class, null, "kube-system"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(403);
                    assertThat(e.getMessage()).isEqualTo("namespaces \"kube-system\" is forbidden: this namespace may not be deleted");
                });
    }

    @Test
    @DisplayName("a later delete may shorten a pod's grace period, never lengthen it")
    void shortenGrace() {
        api.create(podOn("web", "node-1"));
        api.delete(Pod.class, "default", "web", DeleteOptions.gracePeriod(60));
        f.loop.advance(Duration.ofSeconds(10));

        Pod shorter = api.delete(Pod.class, "default", "web", DeleteOptions.gracePeriod(5)).object();
        assertThat(shorter.metadata().deletionGracePeriodSeconds()).isEqualTo(5L);
        Pod notLonger = api.delete(Pod.class, "default", "web", DeleteOptions.gracePeriod(100)).object();
        assertThat(notLonger.metadata().deletionGracePeriodSeconds()).isEqualTo(5L);
    }
}
