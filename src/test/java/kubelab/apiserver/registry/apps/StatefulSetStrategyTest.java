package kubelab.apiserver.registry.apps;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.apps.StatefulSet;
import kubelab.api.apps.StatefulSetSpec;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class StatefulSetStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String WEB = """
            apiVersion: apps/v1
            kind: StatefulSet
            metadata:
              name: web
              namespace: default
            spec:
              serviceName: nginx
              selector:
                matchLabels:
                  app: nginx
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: registry.k8s.io/nginx-slim:0.21
                    volumeMounts:
                    - name: www
                      mountPath: /usr/share/nginx/html
              volumeClaimTemplates:
              - metadata:
                  name: www
                spec:
                  accessModes: ["ReadWriteOnce"]
                  resources:
                    requests:
                      storage: 1Gi
            """;

    @Test
    @DisplayName("a StatefulSet gets 1 replica, OrderedReady pods, a RollingUpdate from partition 0, and keeps its claims")
    void defaults() {
        StatefulSet sts = server.create(yaml(WEB, StatefulSet.class));
        StatefulSetSpec spec = sts.spec();

        assertThat(spec.replicas()).isEqualTo(1);
        assertThat(spec.podManagementPolicy()).isEqualTo("OrderedReady");
        assertThat(spec.updateStrategy().type()).isEqualTo("RollingUpdate");
        assertThat(spec.updateStrategy().rollingUpdate().partition()).isZero();
        assertThat(spec.revisionHistoryLimit()).isEqualTo(10);
        assertThat(spec.persistentVolumeClaimRetentionPolicy().whenDeleted()).isEqualTo("Retain");
        assertThat(spec.persistentVolumeClaimRetentionPolicy().whenScaled()).isEqualTo("Retain");
        assertThat(spec.volumeClaimTemplates().get(0).spec().volumeMode()).isEqualTo("Filesystem");
        assertThat(spec.volumeClaimTemplates().get(0).status().phase()).isEqualTo("Pending");
    }

    @Test
    @DisplayName("a StatefulSet's template may mount a claim template by name: its pod spec is not checked against volumes")
    void claimTemplateMount() {
        StatefulSet sts = server.create(yaml(WEB, StatefulSet.class));

        assertThat(sts.spec().template().spec().containers().get(0).volumeMounts().get(0).name()).isEqualTo("www");
    }

    @Test
    @DisplayName("a StatefulSet name must be a DNS label: each pod gets a hostname from it")
    void dnsLabelName() {
        StatefulSet sts = yaml(WEB.replace("name: web\n  namespace", "name: web.v1\n  namespace"), StatefulSet.class);

        ApiException e = refused(() -> server.create(sts));

        assertThat(causes(e)).containsExactly("metadata.name: Invalid value: \"web.v1\": must not contain dots");
    }

    @Test
    @DisplayName("a StatefulSet cannot change its serviceName")
    void serviceNameImmutable() {
        StatefulSet sts = server.create(yaml(WEB, StatefulSet.class));
        StatefulSetSpec s = sts.spec();
        StatefulSetSpec renamed = new StatefulSetSpec(s.replicas(), s.selector(), s.template(), s.volumeClaimTemplates(),
                "nginx-headless", s.podManagementPolicy(), s.updateStrategy(), s.revisionHistoryLimit(),
                s.minReadySeconds(), s.persistentVolumeClaimRetentionPolicy(), s.ordinals());

        ApiException e = refused(() -> server.api.update(sts.withSpec(renamed)));

        // Kubernetes says "StatefulSet.apps" here; the kind the message names is the API server's business.
        assertThat(e.getMessage()).endsWith(" \"web\" is invalid: spec: Forbidden: updates to statefulset "
                + "spec for fields other than 'replicas', 'ordinals', 'template', 'updateStrategy', "
                + "'persistentVolumeClaimRetentionPolicy' and 'minReadySeconds' are forbidden");
    }

    @Test
    @DisplayName("a StatefulSet can scale and change its template")
    void mutableFields() {
        StatefulSet sts = server.create(yaml(WEB, StatefulSet.class));

        StatefulSet scaled = server.api.update(sts.withSpec(sts.spec().withReplicas(3)));

        assertThat(scaled.spec().replicas()).isEqualTo(3);
        assertThat(scaled.metadata().generation()).isEqualTo(2L);
    }

    @Test
    @DisplayName("an unknown pod management policy is refused with the two it may be")
    void podManagementPolicy() {
        StatefulSet sts = yaml(WEB.replace("  serviceName: nginx", "  serviceName: nginx\n  podManagementPolicy: AllAtOnce"),
                StatefulSet.class);

        ApiException e = refused(() -> server.create(sts));

        assertThat(causes(e)).containsExactly(
                "spec.podManagementPolicy: Invalid value: \"AllAtOnce\": must be 'OrderedReady' or 'Parallel'");
    }
}
