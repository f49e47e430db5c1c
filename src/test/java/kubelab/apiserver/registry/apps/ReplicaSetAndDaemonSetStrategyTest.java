package kubelab.apiserver.registry.apps;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.ReplicaSetStatus;
import kubelab.api.meta.IntOrString;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ListOptions;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ReplicaSetAndDaemonSetStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String FRONTEND = """
            apiVersion: apps/v1
            kind: ReplicaSet
            metadata:
              name: frontend
              namespace: default
            spec:
              selector:
                matchLabels:
                  tier: frontend
              template:
                metadata:
                  labels:
                    tier: frontend
                spec:
                  containers:
                  - name: php-redis
                    image: us-docker.pkg.dev/google-samples/containers/gke/gb-frontend:v5
            """;

    private static final String FLUENTD = """
            apiVersion: apps/v1
            kind: DaemonSet
            metadata:
              name: fluentd
              namespace: kube-system
            spec:
              selector:
                matchLabels:
                  name: fluentd
              template:
                metadata:
                  labels:
                    name: fluentd
                spec:
                  containers:
                  - name: fluentd
                    image: fluent/fluentd-kubernetes-daemonset:v1
            """;

    @Test
    @DisplayName("a ReplicaSet gets 1 replica and a generation")
    void replicaSetDefaults() {
        ReplicaSet rs = server.create(yaml(FRONTEND, ReplicaSet.class));

        assertThat(rs.spec().replicas()).isEqualTo(1);
        assertThat(rs.metadata().generation()).isEqualTo(1L);
        assertThat(rs.spec().template().spec().restartPolicy()).isEqualTo("Always");
    }

    @Test
    @DisplayName("an empty ReplicaSet selector is refused with Kubernetes' own words (which say deployment)")
    void replicaSetEmptySelector() {
        ReplicaSet rs = yaml(FRONTEND.replace("    matchLabels:\n      tier: frontend\n", "    matchLabels: {}\n"),
                ReplicaSet.class);

        ApiException e = refused(() -> server.create(rs));

        assertThat(causes(e)).containsExactly("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string(nil), MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "empty selector is invalid for deployment");
    }

    @Test
    @DisplayName("a ReplicaSet's selector cannot change, its replicas can")
    void replicaSetSelectorImmutable() {
        ReplicaSet rs = server.create(yaml(FRONTEND, ReplicaSet.class));

        ReplicaSet scaled = server.api.update(rs.withSpec(rs.spec().withReplicas(3)));
        var moved = new kubelab.api.apps.ReplicaSetSpec(3, null,
                kubelab.api.meta.LabelSelector.matching(java.util.Map.of("tier", "web")),
                scaled.spec().template().withMetadata(scaled.spec().template().metadata().withLabels(
                        java.util.Map.of("tier", "web"))));
        ApiException e = refused(() -> server.api.update(scaled.withSpec(moved)));

        assertThat(scaled.metadata().generation()).isEqualTo(2L);
        assertThat(causes(e)).containsExactly("spec.selector: Invalid value: v1.LabelSelector{MatchLabels:"
                + "map[string]string{\"tier\":\"web\"}, MatchExpressions:[]v1.LabelSelectorRequirement(nil)}: "
                + "field is immutable");
    }

    @Test
    @DisplayName("ReplicaSets can be selected by status.replicas")
    void replicaSetFieldSelector() {
        ReplicaSet rs = server.create(yaml(FRONTEND, ReplicaSet.class));
        server.api.updateStatus(rs.withStatus(new ReplicaSetStatus(2, null, null, null, null, null, null)));

        var two = server.api.list(ReplicaSet.class, "default",
                ListOptions.ALL.withFieldSelector("status.replicas=2"));
        var zero = server.api.list(ReplicaSet.class, "default",
                ListOptions.ALL.withFieldSelector("status.replicas=0"));

        assertThat(two.items()).extracting(r -> r.metadata().name()).containsExactly("frontend");
        assertThat(zero.items()).isEmpty();
    }

    @Test
    @DisplayName("a DaemonSet replaces one node's pod at a time: RollingUpdate, maxUnavailable 1, maxSurge 0")
    void daemonSetDefaults() {
        DaemonSet ds = server.create(yaml(FLUENTD, DaemonSet.class));

        assertThat(ds.spec().updateStrategy().type()).isEqualTo("RollingUpdate");
        assertThat(ds.spec().updateStrategy().rollingUpdate().maxUnavailable()).isEqualTo(IntOrString.of(1));
        assertThat(ds.spec().updateStrategy().rollingUpdate().maxSurge()).isEqualTo(IntOrString.of(0));
        assertThat(ds.spec().revisionHistoryLimit()).isEqualTo(10);
        assertThat(ds.metadata().generation()).isEqualTo(1L);
    }

    @Test
    @DisplayName("a DaemonSet without a selector is refused as a template its selector does not match")
    void daemonSetWithoutSelector() {
        DaemonSet ds = yaml(FLUENTD.replace("  selector:\n    matchLabels:\n      name: fluentd\n", ""), DaemonSet.class);

        ApiException e = refused(() -> server.create(ds));

        assertThat(causes(e)).containsExactly("spec.template.metadata.labels: Invalid value: "
                + "map[string]string{\"name\":\"fluentd\"}: `selector` does not match template `labels`");
    }

    @Test
    @DisplayName("a DaemonSet may not surge and drain at once: maxSurge must be 0 when maxUnavailable is not")
    void daemonSetSurge() {
        DaemonSet ds = yaml(FLUENTD.replace("spec:\n  selector:", """
                spec:
                  updateStrategy:
                    rollingUpdate:
                      maxSurge: 1
                  selector:"""), DaemonSet.class);

        ApiException e = refused(() -> server.create(ds));

        assertThat(causes(e)).containsExactly("spec.updateStrategy.rollingUpdate.maxSurge: Invalid value: "
                + "intstr.IntOrString{Type:0, IntVal:1, StrVal:\"\"}: may not be set when maxUnavailable is non-zero");
    }
}
