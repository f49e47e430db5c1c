package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.core.Service;
import kubelab.api.meta.IntOrString;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class ServiceStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String NGINX = """
            apiVersion: v1
            kind: Service
            metadata:
              name: nginx-service
              namespace: default
            spec:
              selector:
                app.kubernetes.io/name: nginx
              ports:
              - port: 8000
                targetPort: 80
            """;

    @Test
    @DisplayName("a Service gets type ClusterIP, session affinity None, TCP ports and internal traffic policy Cluster")
    void defaults() {
        Service svc = server.create(yaml(NGINX.replace("    targetPort: 80\n", ""), Service.class));

        assertThat(svc.spec().type()).isEqualTo("ClusterIP");
        assertThat(svc.spec().sessionAffinity()).isEqualTo("None");
        assertThat(svc.spec().ports().get(0).protocol()).isEqualTo("TCP");
        assertThat(svc.spec().ports().get(0).targetPort()).as("targetPort defaults to port").isEqualTo(IntOrString.of(8000));
        assertThat(svc.spec().internalTrafficPolicy()).isEqualTo("Cluster");
        assertThat(svc.spec().externalTrafficPolicy()).isNull();
        assertThat(svc.spec().ipFamilyPolicy()).isEqualTo("SingleStack");
        assertThat(svc.spec().ipFamilies()).containsExactly("IPv4");
    }

    @Test
    @DisplayName("a LoadBalancer Service gets external traffic policy Cluster and node ports for its balancer")
    void loadBalancerDefaults() {
        Service svc = server.create(yaml(NGINX.replace("spec:\n", "spec:\n  type: LoadBalancer\n"), Service.class));

        assertThat(svc.spec().externalTrafficPolicy()).isEqualTo("Cluster");
        assertThat(svc.spec().allocateLoadBalancerNodePorts()).isTrue();
    }

    @Test
    @DisplayName("a Service name must be a DNS-1035 label: it must start with a letter")
    void nameRule() {
        Service svc = yaml(NGINX.replace("name: nginx-service", "name: 1nginx"), Service.class);

        ApiException e = refused(() -> server.create(svc));

        assertThat(causes(e)).containsExactly("metadata.name: Invalid value: \"1nginx\": a DNS-1035 label must consist of "
                + "lower case alphanumeric characters or '-', start with an alphabetic character, and end with an "
                + "alphanumeric character (e.g. 'my-name',  or 'abc-123', regex used for validation is "
                + "'[a-z]([-a-z0-9]*[a-z0-9])?')");
    }

    @Test
    @DisplayName("a Service needs ports, unless it is headless or an ExternalName")
    void portsRequired() {
        Service noPorts = yaml(NGINX.replace("  ports:\n  - port: 8000\n    targetPort: 80\n", ""), Service.class);
        Service headless = yaml(NGINX.replace("  ports:\n  - port: 8000\n    targetPort: 80\n", "  clusterIP: None\n"),
                Service.class);

        ApiException e = refused(() -> server.create(noPorts));

        assertThat(causes(e)).containsExactly("spec.ports: Required value");
        assertThat(server.create(headless).spec().clusterIPs()).containsExactly("None");
    }

    @Test
    @DisplayName("several ports need names, and port numbers must be in range")
    void portRules() {
        Service svc = yaml(NGINX.replace("  - port: 8000\n    targetPort: 80\n",
                "  - port: 8000\n    targetPort: 80\n  - port: 70000\n"), Service.class);

        ApiException e = refused(() -> server.create(svc));

        assertThat(causes(e)).containsExactly(
                "spec.ports[0].name: Required value",
                "spec.ports[1].name: Required value",
                "spec.ports[1].port: Invalid value: 70000: must be between 1 and 65535, inclusive",
                "spec.ports[1].targetPort: Invalid value: 70000: must be between 1 and 65535, inclusive");
    }

    @Test
    @DisplayName("a nodePort is only for NodePort and LoadBalancer Services")
    void nodePortOnClusterIP() {
        Service svc = yaml(NGINX.replace("    targetPort: 80\n", "    targetPort: 80\n    nodePort: 30080\n"), Service.class);

        ApiException e = refused(() -> server.create(svc));

        assertThat(causes(e)).containsExactly("spec.ports[0].nodePort: Forbidden: may not be used when `type` is 'ClusterIP'");
    }

    @Test
    @DisplayName("an unknown Service type is refused with the four it may be")
    void unknownType() {
        Service svc = yaml(NGINX.replace("spec:\n", "spec:\n  type: Internal\n"), Service.class);

        ApiException e = refused(() -> server.create(svc));

        assertThat(causes(e)).contains("spec.type: Unsupported value: \"Internal\": supported values: "
                + "\"ClusterIP\", \"ExternalName\", \"LoadBalancer\", \"NodePort\"");
    }

    @Test
    @DisplayName("a Service's cluster IP cannot change once set, but an update may leave it out")
    void clusterIPImmutable() {
        Service stored = server.create(yaml(NGINX.replace("spec:\n", "spec:\n  clusterIP: 10.96.0.20\n"), Service.class));

        Service reapplied = server.api.update(yaml(NGINX, Service.class).withMetadata(stored.metadata()));
        ApiException e = refused(() -> server.api.update(reapplied.withSpec(reapplied.spec().withClusterIP("None"))));

        assertThat(reapplied.spec().clusterIP()).isEqualTo("10.96.0.20");
        assertThat(causes(e)).containsExactly("spec.clusterIPs[0]: Invalid value: []string{\"None\"}: may not change once set");
    }

    @Test
    @DisplayName("Services can be selected by spec.type and spec.clusterIP")
    void fieldSelector() {
        server.create(yaml(NGINX, Service.class));
        server.create(yaml(NGINX.replace("name: nginx-service", "name: db").replace("spec:\n", "spec:\n  clusterIP: None\n"),
                Service.class));

        var headless = server.api.list(Service.class, "default",
                kubelab.apiserver.ListOptions.ALL.withFieldSelector("spec.clusterIP=None"));

        assertThat(headless.items()).extracting(s -> s.metadata().name()).isEqualTo(List.of("db"));
    }
}
