package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.core.LimitRange;
import kubelab.api.core.PersistentVolume;
import kubelab.api.core.PersistentVolumeClaim;
import kubelab.api.core.PersistentVolumeClaimSpec;
import kubelab.api.core.PersistentVolumeClaimStatus;
import kubelab.api.core.ResourceQuota;
import kubelab.api.core.VolumeResourceRequirements;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class StorageAndLimitsStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String PV = """
            apiVersion: v1
            kind: PersistentVolume
            metadata:
              name: task-pv-volume
            spec:
              storageClassName: manual
              capacity:
                storage: 10Gi
              accessModes:
                - ReadWriteOnce
              hostPath:
                path: "/mnt/data"
            """;

    private static final String PVC = """
            apiVersion: v1
            kind: PersistentVolumeClaim
            metadata:
              name: task-pv-claim
              namespace: default
            spec:
              storageClassName: manual
              accessModes:
                - ReadWriteOnce
              resources:
                requests:
                  storage: 3Gi
            """;

    @Test
    @DisplayName("a PersistentVolume is Pending from creation, keeps its data (Retain) and is a filesystem")
    void pvDefaults() {
        PersistentVolume pv = server.create(yaml(PV, PersistentVolume.class));

        assertThat(pv.status().phase()).isEqualTo("Pending");
        assertThat(pv.status().lastPhaseTransitionTime()).isEqualTo(pv.metadata().creationTimestamp());
        assertThat(pv.spec().persistentVolumeReclaimPolicy()).isEqualTo("Retain");
        assertThat(pv.spec().volumeMode()).isEqualTo("Filesystem");
    }

    @Test
    @DisplayName("a PersistentVolume needs a capacity, an access mode and a volume source")
    void pvRequired() {
        PersistentVolume pv = yaml("""
                apiVersion: v1
                kind: PersistentVolume
                metadata: {name: empty}
                spec: {}
                """, PersistentVolume.class);

        ApiException e = refused(() -> server.create(pv));

        assertThat(causes(e)).containsExactly(
                "spec.accessModes: Required value",
                "spec.capacity: Required value",
                "spec.capacity: Unsupported value: core.ResourceList{...}: supported values: \"storage\"",
                "spec: Required value: must specify a volume type");
    }

    @Test
    @DisplayName("a claim is Pending from creation, and needs an access mode and a storage request")
    void pvc() {
        PersistentVolumeClaim pvc = server.create(yaml(PVC, PersistentVolumeClaim.class));
        PersistentVolumeClaim empty = yaml(PVC.replace("  accessModes:\n    - ReadWriteOnce\n", "")
                .replace("  resources:\n    requests:\n      storage: 3Gi\n", "").replace("task-pv-claim", "empty"),
                PersistentVolumeClaim.class);

        ApiException e = refused(() -> server.create(empty));

        assertThat(pvc.status().phase()).isEqualTo("Pending");
        assertThat(pvc.spec().volumeMode()).isEqualTo("Filesystem");
        assertThat(causes(e)).containsExactly("spec.accessModes: Required value: at least 1 access mode is required",
                "spec.resources[storage]: Required value");
    }

    @Test
    @DisplayName("a claim's spec is fixed, but a bound claim may ask for more storage")
    void pvcImmutable() {
        PersistentVolumeClaim pvc = server.create(yaml(PVC, PersistentVolumeClaim.class));
        PersistentVolumeClaimSpec s = pvc.spec();
        PersistentVolumeClaimSpec bigger = new PersistentVolumeClaimSpec(s.accessModes(), s.selector(),
                new VolumeResourceRequirements(null, Map.of("storage", Quantity.of("5Gi"))), s.volumeName(),
                s.storageClassName(), s.volumeMode(), s.dataSource(), s.dataSourceRef(), s.volumeAttributesClassName());

        ApiException pending = refused(() -> server.api.update(pvc.withSpec(bigger)));
        PersistentVolumeClaim bound = server.api.updateStatus(pvc.withStatus(PersistentVolumeClaimStatus.bound(
                s.accessModes(), Map.of("storage", Quantity.of("10Gi")))));
        PersistentVolumeClaim expanded = server.api.update(bound.withSpec(bigger));

        assertThat(causes(pending)).containsExactly("spec: Forbidden: spec is immutable after creation except "
                + "resources.requests and volumeAttributesClassName for bound claims");
        assertThat(expanded.spec().resources().requests().get("storage")).isEqualTo(Quantity.of("5Gi"));
    }

    @Test
    @DisplayName("a LimitRange's default limit defaults to its max, and its default request to the default limit")
    void limitRangeDefaults() {
        LimitRange lr = server.create(yaml("""
                apiVersion: v1
                kind: LimitRange
                metadata: {name: limits, namespace: default}
                spec:
                  limits:
                  - type: Container
                    max: {memory: 1Gi}
                    min: {cpu: 100m}
                """, LimitRange.class));

        var item = lr.spec().limits().get(0);
        assertThat(item.defaultLimit()).isEqualTo(Map.of("memory", Quantity.of("1Gi")));
        assertThat(item.defaultRequest()).isEqualTo(Map.of("memory", Quantity.of("1Gi"), "cpu", Quantity.of("100m")));
    }

    @Test
    @DisplayName("a LimitRange whose default exceeds its max is refused")
    void limitRangeOrder() {
        LimitRange lr = yaml("""
                apiVersion: v1
                kind: LimitRange
                metadata: {name: limits, namespace: default}
                spec:
                  limits:
                  - type: Container
                    max: {memory: 512Mi}
                    default: {memory: 1Gi}
                    defaultRequest: {memory: 256Mi}
                """, LimitRange.class);

        ApiException e = refused(() -> server.create(lr));

        assertThat(causes(e)).containsExactly("spec.limits[0].default[memory]: Invalid value: \"512Mi\": "
                + "default value 1Gi is greater than max value 512Mi");
    }

    @Test
    @DisplayName("a quota names resources it can count, in whole numbers for objects")
    void quota() {
        ResourceQuota ok = server.create(ResourceQuota.of("default", "objects", Map.of(
                "persistentvolumeclaims", Quantity.of("1"), "services.loadbalancers", Quantity.of("2"))));
        ResourceQuota bad = ResourceQuota.of("default", "bad", Map.of("pods", Quantity.of("1500m"),
                "widgets", Quantity.of("1")));

        ApiException e = refused(() -> server.create(bad));

        assertThat(ok.spec().hard()).hasSize(2);
        assertThat(causes(e)).containsExactly("spec.hard[pods]: Invalid value: \"1500m\": must be an integer",
                "spec.hard[widgets]: Invalid value: \"widgets\": must be a standard resource type or fully qualified",
                "spec.hard[widgets]: Invalid value: \"widgets\": must be a standard resource for quota");
    }
}
