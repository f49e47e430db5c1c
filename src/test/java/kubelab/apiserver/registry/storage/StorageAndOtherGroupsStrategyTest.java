package kubelab.apiserver.registry.storage;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.coordination.Lease;
import kubelab.api.coordination.LeaseSpec;
import kubelab.api.discovery.EndpointSlice;
import kubelab.api.storage.StorageClass;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class StorageAndOtherGroupsStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String STANDARD = """
            apiVersion: storage.k8s.io/v1
            kind: StorageClass
            metadata:
              name: standard
            provisioner: example.com/hostpath
            parameters:
              type: ssd
            """;

    @Test
    @DisplayName("a StorageClass deletes released volumes and binds at once, unless it says otherwise")
    void storageClassDefaults() {
        StorageClass sc = server.create(yaml(STANDARD, StorageClass.class));

        assertThat(sc.reclaimPolicy()).isEqualTo("Delete");
        assertThat(sc.volumeBindingMode()).isEqualTo("Immediate");
    }

    @Test
    @DisplayName("a StorageClass needs a provisioner")
    void provisionerRequired() {
        StorageClass sc = yaml(STANDARD.replace("provisioner: example.com/hostpath\n", ""), StorageClass.class);

        ApiException e = refused(() -> server.create(sc));

        assertThat(causes(e)).containsExactly("provisioner: Required value");
    }

    @Test
    @DisplayName("a StorageClass's parameters cannot change: volumes were provisioned with them")
    void parametersImmutable() {
        StorageClass sc = server.create(yaml(STANDARD, StorageClass.class));
        StorageClass changed = new StorageClass(null, null, sc.metadata(), sc.provisioner(), Map.of("type", "hdd"),
                sc.reclaimPolicy(), null, null, sc.volumeBindingMode(), null);

        ApiException e = refused(() -> server.api.update(changed));

        assertThat(causes(e)).containsExactly("parameters: Forbidden: updates to parameters are forbidden.");
    }

    @Test
    @DisplayName("a Lease lasts a positive number of seconds")
    void lease() {
        Lease lease = Lease.of("kube-node-lease", "worker-1", new LeaseSpec("worker-1", 0, null, null, null, null, null));

        ApiException e = refused(() -> server.create(lease));

        assertThat(causes(e)).containsExactly("spec.leaseDurationSeconds: Invalid value: 0: must be greater than 0");
    }

    @Test
    @DisplayName("an EndpointSlice's addresses must be of its address type; ports default to TCP")
    void endpointSlice() {
        String text = """
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata: {name: web-abc, namespace: default}
                addressType: IPv4
                endpoints:
                - addresses: ["10.244.1.5"]
                ports:
                - port: 80
                """;
        EndpointSlice ok = server.create(yaml(text, EndpointSlice.class));
        EndpointSlice bad = yaml(text.replace("web-abc", "web-def").replace("10.244.1.5", "fd00::5"), EndpointSlice.class);

        ApiException e = refused(() -> server.create(bad));

        assertThat(ok.ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(causes(e)).containsExactly("endpoints[0].addresses[0]: Invalid value: \"fd00::5\": must be a valid IPv4 address");
    }

    @Test
    @DisplayName("a HorizontalPodAutoscaler without metrics targets 80% CPU, from at least 1 replica")
    void hpa() {
        String text = """
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: php-apache, namespace: default}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
                  maxReplicas: 10
                """;
        HorizontalPodAutoscaler hpa = server.create(yaml(text, HorizontalPodAutoscaler.class));
        HorizontalPodAutoscaler inverted = yaml(text.replace("php-apache, namespace", "inverted, namespace")
                .replace("maxReplicas: 10", "minReplicas: 5\n  maxReplicas: 2"), HorizontalPodAutoscaler.class);

        ApiException e = refused(() -> server.create(inverted));

        assertThat(hpa.spec().minReplicas()).isEqualTo(1);
        assertThat(hpa.spec().metrics().get(0).resource().name()).isEqualTo("cpu");
        assertThat(hpa.spec().metrics().get(0).resource().target().averageUtilization()).isEqualTo(80);
        assertThat(causes(e)).containsExactly("spec.maxReplicas: Invalid value: 2: must be greater than or equal to `minReplicas`");
    }
}
