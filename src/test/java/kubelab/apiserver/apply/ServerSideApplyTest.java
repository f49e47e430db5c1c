package kubelab.apiserver.apply;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentStatus;
import kubelab.api.core.ConfigMap;
import kubelab.api.meta.ManagedFieldsEntry;
import kubelab.api.meta.Status;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.ApplyResult;
import kubelab.apiserver.CreateOptions;
import kubelab.apiserver.PatchOptions;
import kubelab.apiserver.PatchType;
import kubelab.apiserver.UpdateOptions;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

@DisplayName("Server-side apply: managers, conflicts, force, removal")
class ServerSideApplyTest {
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), new SimulatedLoop(1));

    /** A Deployment's applied configuration, as a user writes it in YAML. */
    private static String deployment(int replicas, String labels, String containers) {
        return """
                apiVersion: apps/v1
                kind: Deployment
                metadata:
                  name: web
                  labels: %s
                spec:
                  replicas: %d
                  selector: {matchLabels: {app: web}}
                  template:
                    metadata: {labels: {app: web}}
                    spec:
                      containers: %s
                """.formatted(labels, replicas, containers);
    }

    private static final String NGINX = "[{name: nginx, image: 'nginx:1.14.2'}]";

    private ApplyResult<Deployment> apply(String manager, String config, boolean force) {
        return api.apply(Deployment.class, "default", "web", config, new PatchOptions(false, manager, force));
    }

    private static Deployment yaml(String text) {
        try {
            return Json.yamlMapper().readValue(text, Deployment.class);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Deployment live() {
        return api.get(Deployment.class, "default", "web");
    }

    private static ManagedFieldsEntry entry(Deployment d, String manager, String operation) {
        return d.metadata().managedFields().stream()
                .filter(e -> e.manager().equals(manager) && e.operation().equals(operation))
                .findFirst().orElseThrow(() -> new AssertionError("no entry for " + manager + " " + operation));
    }

    private static FieldSet fields(Deployment d, String manager, String operation) {
        return FieldSet.fromFieldsV1(entry(d, manager, operation).fieldsV1());
    }

    private static List<PathElement> path(String... fields) {
        return java.util.Arrays.stream(fields).map(PathElement::field).toList();
    }

    @Test
    @DisplayName("apply creates an absent object and records the applier as its manager")
    void applyCreates() {
        ApplyResult<Deployment> r = apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        assertThat(r.created()).isTrue();
        assertThat(r.object().spec().replicas()).isEqualTo(3);
        assertThat(r.object().metadata().managedFields()).singleElement().satisfies(e -> {
            assertThat(e.manager()).isEqualTo("kubectl");
            assertThat(e.operation()).isEqualTo("Apply");
            assertThat(e.apiVersion()).isEqualTo("apps/v1");
            assertThat(e.fieldsType()).isEqualTo("FieldsV1");
            assertThat(e.subresource()).isNull();
        });
        assertThat(fields(r.object(), "kubectl", "Apply").has(path("spec", "replicas"))).isTrue();
        assertThat(live()).isEqualTo(r.object());
    }

    @Test
    @DisplayName("applying the same configuration again changes nothing, not even the resourceVersion")
    void reapplyIsNoOp() {
        Deployment first = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        ApplyResult<Deployment> again = apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        assertThat(again.created()).isFalse();
        assertThat(again.object().metadata().resourceVersion()).isEqualTo(first.metadata().resourceVersion());
    }

    @Test
    @DisplayName("a second manager changing a field the first applied is a conflict naming the owner and the field")
    void conflictBetweenAppliers() {
        apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        assertThatThrownBy(() -> apply("autoscaler", deployment(5, "{app: web}", NGINX), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.reason()).isEqualTo("Conflict");
                    assertThat(e.getMessage())
                            .isEqualTo("Apply failed with 1 conflict: conflict with \"kubectl\": .spec.replicas");
                });
        assertThat(live().spec().replicas()).isEqualTo(3);
    }

    @Test
    @DisplayName("applying the value another manager already set is no conflict: both own the field")
    void sharedOwnership() {
        apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        Deployment d = apply("gitops", deployment(3, "{app: web}", NGINX), false).object();

        assertThat(fields(d, "kubectl", "Apply").has(path("spec", "replicas"))).isTrue();
        assertThat(fields(d, "gitops", "Apply").has(path("spec", "replicas"))).isTrue();
    }

    @Test
    @DisplayName("force takes the field over: the value changes and the old owner loses the field")
    void forceTakesOver() {
        apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        Deployment d = apply("autoscaler", deployment(5, "{app: web}", NGINX), true).object();

        assertThat(d.spec().replicas()).isEqualTo(5);
        assertThat(fields(d, "autoscaler", "Apply").has(path("spec", "replicas"))).isTrue();
        assertThat(fields(d, "kubectl", "Apply").has(path("spec", "replicas"))).isFalse();
        assertThat(fields(d, "kubectl", "Apply").has(path("spec", "selector"))).isTrue();
    }

    @Test
    @DisplayName("a field dropped from the applied config is removed")
    void droppedFieldRemoved() {
        apply("kubectl", deployment(3, "{app: web, tier: front}", NGINX), false);

        Deployment d = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        assertThat(d.metadata().labels()).containsOnlyKeys("app");
    }

    @Test
    @DisplayName("a field dropped from the applied config stays if another manager also owns it")
    void droppedFieldOwnedByOtherStays() {
        apply("kubectl", deployment(3, "{app: web, tier: front}", NGINX), false);
        apply("gitops", deployment(3, "{tier: front}", NGINX), false);

        Deployment d = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        assertThat(d.metadata().labels()).containsOnlyKeys("app", "tier");
    }

    @Test
    @DisplayName("kubectl's client-side apply and a later server-side apply conflict on replicas")
    void clientSideThenServerSide() {
        Deployment created = yaml(deployment(3, "{app: web}", NGINX));
        api.create(created, new CreateOptions(false, "kubectl-client-side-apply"));

        assertThatThrownBy(() -> apply("kubectl", deployment(5, "{app: web}", NGINX), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(409);
                    assertThat(e.getMessage()).isEqualTo("Apply failed with 1 conflict: conflict with "
                            + "\"kubectl-client-side-apply\" using apps/v1: .spec.replicas");
                    assertThat(e.status().details().causes()).containsExactly(new Status.Cause("FieldManagerConflict",
                            "conflict with \"kubectl-client-side-apply\" using apps/v1", ".spec.replicas"));
                });
    }

    @Test
    @DisplayName("several conflicts are listed by manager, one line per field")
    void severalConflicts() {
        apply("kubectl", deployment(3, "{app: web}", NGINX), false);

        assertThatThrownBy(() -> apply("other", deployment(5, "{app: web}", "[{name: nginx, image: 'nginx:1.16.1'}]"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).isEqualTo(
                        "Apply failed with 2 conflicts: conflicts with \"kubectl\":\n"
                                + "- .spec.replicas\n"
                                + "- .spec.template.spec.containers[name=\"nginx\"].image"));
    }

    @Test
    @DisplayName("associative lists merge by key: two managers own different containers")
    void containersByKey() {
        apply("kubectl", deployment(3, "{app: web}", NGINX), false);
        String sidecar = """
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      containers: [{name: log, image: 'busybox:1.36'}]
                """;

        Deployment d = apply("injector", sidecar, false).object();

        assertThat(d.spec().template().spec().containers()).extracting(c -> c.name()).containsExactly("nginx", "log");
        assertThat(entry(d, "injector", "Apply").fieldsV1().toString()).contains("k:{\\\"name\\\":\\\"log\\\"}")
                .doesNotContain("nginx");
        assertThat(entry(d, "kubectl", "Apply").fieldsV1().toString()).contains("k:{\\\"name\\\":\\\"nginx\\\"}")
                .doesNotContain("\\\"log\\\"");

        Deployment again = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();
        assertThat(again.spec().template().spec().containers()).extracting(c -> c.name())
                .as("kubectl's apply leaves the injector's container alone").containsExactly("nginx", "log");
    }

    @Test
    @DisplayName("a container dropped from the applied config is removed as a whole, defaults included")
    void droppedContainerRemoved() {
        apply("kubectl", deployment(3, "{app: web}",
                "[{name: nginx, image: 'nginx:1.14.2'}, {name: log, image: 'busybox:1.36'}]"), false);

        Deployment d = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        assertThat(d.spec().template().spec().containers()).extracting(c -> c.name()).containsExactly("nginx");
    }

    @Test
    @DisplayName("an update records the writer's changed fields as an Update entry, and takes them from the applier")
    void updateTakesFields() {
        Deployment d = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        Deployment u = api.update(d.withSpec(d.spec().withReplicas(7)), new UpdateOptions(false, "kube-controller-manager"));

        assertThat(fields(u, "kube-controller-manager", "Update"))
                .isEqualTo(FieldSet.of(List.of(path("spec", "replicas"))));
        assertThat(entry(u, "kube-controller-manager", "Update").time()).isNotNull();
        assertThat(fields(u, "kubectl", "Apply").has(path("spec", "replicas"))).isFalse();
    }

    @Test
    @DisplayName("a write without a fieldManager is recorded as \"unknown\"")
    void unknownManager() {
        ConfigMap cm = api.create(ConfigMap.of("default", "settings", java.util.Map.of("mode", "fast")));

        assertThat(cm.metadata().managedFields()).singleElement().satisfies(e -> {
            assertThat(e.manager()).isEqualTo("unknown");
            assertThat(e.operation()).isEqualTo("Update");
            assertThat(Json.toJson(e.fieldsV1())).isEqualTo("{\"f:data\":{\".\":{},\"f:mode\":{}}}");
        });
    }

    @Test
    @DisplayName("an update through the status subresource is recorded with subresource \"status\"")
    void statusSubresource() {
        Deployment d = apply("kubectl", deployment(3, "{app: web}", NGINX), false).object();

        Deployment s = api.updateStatus(d.withStatus(new DeploymentStatus(1L, 3, 3, 3, 3, 0, null, null, null)),
                new UpdateOptions(false, "kube-controller-manager"));

        ManagedFieldsEntry e = entry(s, "kube-controller-manager", "Update");
        assertThat(e.subresource()).isEqualTo("status");
        assertThat(FieldSet.fromFieldsV1(e.fieldsV1()).has(path("status", "readyReplicas"))).isTrue();
        assertThat(Json.toJson(s.metadata())).contains("\"subresource\":\"status\"");
    }

    @Test
    @DisplayName("apply needs a fieldManager: 422, as Kubernetes validates PatchOptions")
    void fieldManagerRequired() {
        assertThatThrownBy(() -> apply(null, deployment(3, "{app: web}", NGINX), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(422);
                    assertThat(e.getMessage()).isEqualTo("PatchOptions.meta.k8s.io \"\" is invalid: "
                            + "fieldManager: Required value: is required for apply patch");
                });
    }

    @Test
    @DisplayName("an applied list item without its key is a bad request")
    void missingKey() {
        assertThatThrownBy(() -> apply("kubectl", deployment(3, "{app: web}", "[{image: 'nginx:1.14.2'}]"), false))
                .isInstanceOfSatisfying(ApiException.class, e -> {
                    assertThat(e.code()).isEqualTo(400);
                    assertThat(e.getMessage()).contains("omits key field \"name\"");
                });
    }

    @Test
    @DisplayName("the applied configuration must name the object of the URL")
    void nameMismatch() {
        assertThatThrownBy(() -> api.apply(Deployment.class, "default", "other", deployment(3, "{app: web}", NGINX),
                new PatchOptions(false, "kubectl", false)))
                .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage())
                        .isEqualTo("the name of the object (web) does not match the name on the URL (other)"));
    }

    @Test
    @DisplayName("a dry-run apply answers with the object but stores nothing")
    void dryRun() {
        ApplyResult<Deployment> r = api.apply(Deployment.class, "default", "web", deployment(3, "{app: web}", NGINX),
                new PatchOptions(true, "kubectl", false));

        assertThat(r.created()).isTrue();
        assertThatThrownBy(this::live).isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.code()).isEqualTo(404));
    }

    @Test
    @DisplayName("PATCH with the apply content type is server-side apply")
    void patchWithApplyType() {
        Deployment d = api.patch(Deployment.class, "default", "web", PatchType.APPLY, deployment(2, "{app: web}", NGINX),
                new PatchOptions(false, "kubectl", false));

        assertThat(d.spec().replicas()).isEqualTo(2);
        assertThat(d.metadata().managedFields()).extracting(ManagedFieldsEntry::operation).containsExactly("Apply");
    }
}
