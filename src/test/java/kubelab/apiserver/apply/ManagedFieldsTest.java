package kubelab.apiserver.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.core.ConfigMap;
import kubelab.api.meta.ManagedFieldsEntry;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Managed fields on create, update and patch")
class ManagedFieldsTest {
    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);

    private ConfigMap create(String manager) {
        return api.create(ConfigMap.of("default", "settings", Map.of("mode", "fast")), new CreateOptions(false, manager));
    }

    @Test
    @DisplayName("an entry prints as Kubernetes prints it: manager, operation, apiVersion, time, fieldsType, fieldsV1")
    void entryJson() {
        ConfigMap cm = create("kubectl-create");

        assertThat(Json.toJson(cm.metadata().managedFields().get(0))).isEqualTo(
                "{\"manager\":\"kubectl-create\",\"operation\":\"Update\",\"apiVersion\":\"v1\","
                        + "\"time\":\"2026-01-01T00:00:00Z\",\"fieldsType\":\"FieldsV1\","
                        + "\"fieldsV1\":{\"f:data\":{\".\":{},\"f:mode\":{}}}}");
    }

    @Test
    @DisplayName("a merge patch records its manager's changed fields, next to the creator's")
    void patchRecords() {
        create("kubectl-create");

        ConfigMap cm = api.patch(ConfigMap.class, "default", "settings", PatchType.MERGE,
                "{\"data\":{\"level\":\"3\"}}", new PatchOptions(false, "kubectl-patch", false));

        assertThat(cm.metadata().managedFields()).extracting(ManagedFieldsEntry::manager)
                .containsExactly("kubectl-create", "kubectl-patch");
        assertThat(Json.toJson(cm.metadata().managedFields().get(1).fieldsV1()))
                .isEqualTo("{\"f:data\":{\"f:level\":{}}}");
    }

    @Test
    @DisplayName("an update that changes nothing leaves the managed fields alone")
    void noOpUpdate() {
        ConfigMap cm = create("kubectl-create");

        ConfigMap same = api.update(cm, new UpdateOptions(false, "someone-else"));

        assertThat(same.metadata().managedFields()).isEqualTo(cm.metadata().managedFields());
        assertThat(same.metadata().resourceVersion()).isEqualTo(cm.metadata().resourceVersion());
    }

    @Test
    @DisplayName("an update that sends managedFields: [{}] resets them: only its own changes stay recorded")
    void reset() {
        ConfigMap cm = create("kubectl-create");
        ConfigMap changed = cm.withData(Map.of("mode", "fast", "level", "3"));
        changed = changed.withMetadata(changed.metadata().withManagedFields(
                List.of(new ManagedFieldsEntry(null, null, null, null, null, null, null))));

        ConfigMap updated = api.update(changed, new UpdateOptions(false, "editor"));

        assertThat(updated.metadata().managedFields()).singleElement()
                .satisfies(e -> assertThat(e.manager()).isEqualTo("editor"));
    }

    @Test
    @DisplayName("a fieldManager must be at most 128 printable characters")
    void managerNameRules() {
        assertThatThrownBy(() -> create("x".repeat(129)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .startsWith("CreateOptions.meta.k8s.io \"\" is invalid: fieldManager: Too long"));
        assertThatThrownBy(() -> create("tab\there"))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .contains("invalid character U+0009 (at position 3)"));
    }

    @Test
    @DisplayName("an applied configuration may not carry managedFields")
    void applyWithManagedFields() {
        String config = """
                {"apiVersion":"v1","kind":"ConfigMap","metadata":{"name":"settings","managedFields":[{"manager":"x"}]}}
                """;

        assertThatThrownBy(() -> api.apply(ConfigMap.class, "default", "settings", config,
                new PatchOptions(false, "kubectl", false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("metadata.managedFields must be nil"));
    }

    @Test
    @DisplayName("force is only for apply")
    void forceOnlyForApply() {
        create("kubectl-create");

        assertThatThrownBy(() -> api.patch(ConfigMap.class, "default", "settings", PatchType.MERGE,
                "{\"data\":{\"level\":\"3\"}}", new PatchOptions(false, "kubectl", true)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .endsWith("force: Forbidden: may not be specified for non-apply patch"));
    }

    @Test
    @DisplayName("at most ten Update entries are kept: the oldest are merged into \"ancient-changes\"")
    void capUpdateManagers() {
        create("m0");
        for (int i = 1; i <= 11; i++) {
            loop.advance(java.time.Duration.ofSeconds(1));
            ConfigMap cm = api.get(ConfigMap.class, "default", "settings");
            java.util.Map<String, String> data = new java.util.TreeMap<>(cm.data());
            data.put("k" + i, "v");
            api.update(cm.withData(data), new UpdateOptions(false, "m" + i));
        }

        ConfigMap cm = api.get(ConfigMap.class, "default", "settings");
        assertThat(cm.metadata().managedFields()).hasSize(10);
        ManagedFieldsEntry ancient = cm.metadata().managedFields().stream()
                .filter(e -> e.manager().equals("ancient-changes")).findFirst().orElseThrow();
        assertThat(Json.toJson(ancient.fieldsV1()))
                .isEqualTo("{\"f:data\":{\".\":{},\"f:k1\":{},\"f:k2\":{},\"f:mode\":{}}}");
        assertThat(cm.metadata().managedFields()).extracting(ManagedFieldsEntry::manager)
                .doesNotContain("m0", "m1", "m2").contains("m3", "m11");
    }

    @Test
    @DisplayName("the user agent's first word names a manager when the request names none")
    void managerFromUserAgent() {
        assertThat(FieldManager.managerOrUserAgent(null, "kubectl/v1.32.0 (linux/amd64) kubernetes/abc"))
                .isEqualTo("kubectl");
        assertThat(FieldManager.managerOrUserAgent("", null)).isEqualTo("unknown");
        assertThat(FieldManager.managerOrUserAgent("helm", "kubectl/v1.32.0")).isEqualTo("helm");
    }
}
