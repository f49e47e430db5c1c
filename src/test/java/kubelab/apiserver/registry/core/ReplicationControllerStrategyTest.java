package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import kubelab.api.core.ReplicationController;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ReplicationControllerStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String NGINX = """
            apiVersion: v1
            kind: ReplicationController
            metadata:
              name: nginx
              namespace: default
            spec:
              replicas: 3
              template:
                metadata:
                  labels:
                    app: nginx
                spec:
                  containers:
                  - name: nginx
                    image: nginx
            """;

    @Test
    @DisplayName("a ReplicationController without a selector selects its template's labels, and is labelled with them")
    void selectorDefault() {
        ReplicationController rc = server.create(yaml(NGINX, ReplicationController.class));

        assertThat(rc.spec().selector()).isEqualTo(Map.of("app", "nginx"));
        assertThat(rc.metadata().labels()).isEqualTo(Map.of("app", "nginx"));
        assertThat(rc.spec().replicas()).isEqualTo(3);
        assertThat(rc.metadata().generation()).isEqualTo(1L);
    }

    @Test
    @DisplayName("a ReplicationController with neither selector nor template labels is refused")
    void selectorRequired() {
        ReplicationController rc = yaml(NGINX.replace("    metadata:\n      labels:\n        app: nginx\n", ""),
                ReplicationController.class);

        ApiException e = refused(() -> server.create(rc));

        assertThat(causes(e)).containsExactly("spec.selector: Required value");
    }

    @Test
    @DisplayName("unlike a ReplicaSet's, a ReplicationController's selector may change")
    void selectorMutable() {
        ReplicationController rc = server.create(yaml(NGINX, ReplicationController.class));
        var template = rc.spec().template();
        var moved = rc.spec().withTemplate(template.withMetadata(template.metadata().withLabel("tier", "web")));
        moved = new kubelab.api.core.ReplicationControllerSpec(moved.replicas(), moved.minReadySeconds(),
                Map.of("app", "nginx", "tier", "web"), moved.template());

        ReplicationController updated = server.api.update(rc.withSpec(moved));

        assertThat(updated.spec().selector()).containsEntry("tier", "web");
        assertThat(updated.metadata().generation()).isEqualTo(2L);
    }
}
