package kubelab.apiserver;

import static kubelab.apiserver.ApiFixture.configMap;
import static kubelab.apiserver.ApiFixture.pod;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodStatus;
import kubelab.api.meta.ObjectMeta;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The API server: create, get, update")
class ApiServerCrudTest {
    private final ApiFixture f = new ApiFixture();
    private final ApiServer api = f.api;

    @Test
    @DisplayName("create fills in what the server owns: uid, creationTimestamp, resourceVersion, generation")
    void createSetsServerFields() {
        Pod created = api.create(pod("web"));

        ObjectMeta m = created.metadata();
        assertThat(m.uid()).matches("[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}");
        assertThat(m.creationTimestamp()).isEqualTo(f.loop.now());
        assertThat(m.resourceVersion()).isEqualTo(Long.toString(f.store.currentRevision()));
        assertThat(m.generation()).isEqualTo(1L);
        assertThat(created.status().phase()).isEqualTo("Pending");
        assertThat(api.get(Pod.class, "default", "web")).isEqualTo(created);
    }

    @Test
    @DisplayName("generateName gets five random characters from Kubernetes' alphabet")
    void generateName() {
        Pod p = pod(null);
        Pod created = api.create(p.withMetadata(p.metadata().withGenerateName("web-")));

        assertThat(created.metadata().name()).matches("web-[bcdfghjklmnpqrstvwxz2456789]{5}");
    }

    @Test
    @DisplayName("a second object with the same name is 409 AlreadyExists")
    void alreadyExists() {
        api.create(pod("web"));

        assertThatThrownBy(() -> api.create(pod("web")))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("AlreadyExists");
                    assertThat(e.getMessage()).isEqualTo("pods \"web\" already exists");
                });
    }

    @Test
    @DisplayName("a missing object is 404 NotFound, named as Kubernetes names it")
    void notFound() {
        assertThatThrownBy(() -> api.get(Pod.class, "default", "nope"))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(404);
                    assertThat(e.getMessage()).isEqualTo("pods \"nope\" not found");
                });
    }

    @Test
    @DisplayName("an update carrying a stale resourceVersion is a 409 Conflict; re-read and retry succeeds")
    void staleResourceVersionConflicts() {
        ConfigMap v1 = api.create(configMap("settings", "mode", "a"));
        api.update(v1.withData(Map.of("mode", "b")));

        assertThatThrownBy(() -> api.update(v1.withData(Map.of("mode", "c"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.getMessage()).isEqualTo("Operation cannot be fulfilled on configmaps \"settings\": "
                            + "the object has been modified; please apply your changes to the latest version and try again");
                });

        ConfigMap fresh = api.get(ConfigMap.class, "default", "settings");
        assertThat(api.update(fresh.withData(Map.of("mode", "c"))).data()).containsEntry("mode", "c");
    }

    @Test
    @DisplayName("a spec change bumps generation; a label change does not")
    void generation() {
        Pod created = api.create(pod("web"));
        Pod relabelled = api.update(created.withMetadata(created.metadata().withLabel("tier", "front")));
        assertThat(relabelled.metadata().generation()).isEqualTo(1L);

        Container c = relabelled.spec().containers().get(0).withImage("nginx:1.16.1");
        Pod newImage = api.update(relabelled.withSpec(relabelled.spec().withContainers(List.of(c))));
        assertThat(newImage.metadata().generation()).isEqualTo(2L);
    }

    @Test
    @DisplayName("an update that changes nothing writes nothing: the resourceVersion stays")
    void noOpUpdate() {
        Pod created = api.create(pod("web"));
        long before = f.store.currentRevision();

        Pod same = api.update(created);

        assertThat(same.metadata().resourceVersion()).isEqualTo(created.metadata().resourceVersion());
        assertThat(f.store.currentRevision()).isEqualTo(before);
    }

    @Test
    @DisplayName("the status subresource changes only status, and the main resource ignores status")
    void statusSubresource() {
        Pod created = api.create(pod("web"));

        Pod running = api.updateStatus(created.withStatus(created.status().withPhase("Running"))
                .withMetadata(created.metadata().withLabel("ignored", "yes")));
        assertThat(running.status().phase()).isEqualTo("Running");
        assertThat(running.metadata().labels()).doesNotContainKey("ignored");

        Pod attempt = api.update(running.withStatus(PodStatus.empty().withPhase("Failed"))
                .withMetadata(running.metadata().withLabel("kept", "yes")));
        assertThat(attempt.status().phase()).isEqualTo("Running");
        assertThat(attempt.metadata().labels()).containsEntry("kept", "yes");
    }

    @Test
    @DisplayName("the server keeps its own fields whatever an update sends, and refuses a changed uid")
    void serverOwnedFieldsOnUpdate() {
        Pod created = api.create(pod("web"));

        assertThatThrownBy(() -> api.update(created.withMetadata(created.metadata().withUid("not-the-uid"))))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.getMessage()).contains("metadata.uid: Invalid value: \"not-the-uid\": field is immutable");
                });
    }

    @Test
    @DisplayName("an invalid object is 422 Invalid with one cause per field, and nothing is stored")
    void invalid() {
        Pod bad = Pod.of("default", "Web_1", pod("x").spec().withContainers(List.of()));
        long before = f.store.currentRevision();

        assertThatThrownBy(() -> api.create(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
            assertThat(e.code()).isEqualTo(422);
            assertThat(e.reason()).isEqualTo("Invalid");
            assertThat(e.status().details().causes()).extracting(c -> c.field())
                    .containsExactly("metadata.name", "spec.containers");
            assertThat(e.getMessage()).startsWith("Pod \"Web_1\" is invalid: [metadata.name: Invalid value: \"Web_1\": "
                    + "a lowercase RFC 1123 subdomain must consist of");
        });
        assertThat(f.store.currentRevision()).isEqualTo(before);
    }

    @Test
    @DisplayName("defaults are applied on create: restartPolicy, dnsPolicy, imagePullPolicy, grace period")
    void podDefaults() {
        Pod created = api.create(pod("web"));

        assertThat(created.spec().restartPolicy()).isEqualTo("Always");
        assertThat(created.spec().dnsPolicy()).isEqualTo("ClusterFirst");
        assertThat(created.spec().terminationGracePeriodSeconds()).isEqualTo(30L);
        assertThat(created.spec().schedulerName()).isEqualTo("default-scheduler");
        assertThat(created.spec().containers().get(0).imagePullPolicy()).isEqualTo("IfNotPresent");
        assertThat(created.status().qosClass()).isEqualTo("BestEffort");
    }

    @Test
    @DisplayName("a dry run checks everything and stores nothing")
    void dryRun() {
        long before = f.store.currentRevision();

        Pod checked = api.create(pod("web"), CreateOptions.DRY_RUN);

        assertThat(checked.metadata().uid()).isNotNull();
        assertThat(f.store.currentRevision()).isEqualTo(before);
        assertThatThrownBy(() -> api.get(Pod.class, "default", "web")).isInstanceOf(ApiException.class);
    }
}
