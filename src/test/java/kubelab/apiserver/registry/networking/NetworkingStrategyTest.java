package kubelab.apiserver.registry.networking;

import static kubelab.apiserver.registry.ApiTestServer.causes;
import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.networking.Ingress;
import kubelab.api.networking.IngressClass;
import kubelab.api.networking.IngressClassSpec;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class NetworkingStrategyTest {
    private final ApiTestServer server = new ApiTestServer();

    private static final String FANOUT = """
            apiVersion: networking.k8s.io/v1
            kind: Ingress
            metadata:
              name: simple-fanout-example
              namespace: default
            spec:
              rules:
              - host: foo.bar.com
                http:
                  paths:
                  - path: /foo
                    pathType: Prefix
                    backend:
                      service:
                        name: service1
                        port:
                          number: 4200
              - host: bar.foo.com
                http:
                  paths:
                  - path: /bar
                    pathType: Prefix
                    backend:
                      service:
                        name: service2
                        port:
                          number: 8080
            """;

    @Test
    @DisplayName("an Ingress is stored with a generation, as controllers report what they have seen")
    void stored() {
        Ingress ingress = server.create(yaml(FANOUT, Ingress.class));

        assertThat(ingress.metadata().generation()).isEqualTo(1L);
    }

    @Test
    @DisplayName("every Ingress path needs a pathType")
    void pathTypeRequired() {
        Ingress ingress = yaml(FANOUT.replaceFirst("        pathType: Prefix\n", ""), Ingress.class);

        ApiException e = refused(() -> server.create(ingress));

        assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified");
    }

    @Test
    @DisplayName("a Prefix path must be absolute; errors in any rule are reported under spec.rules[0], as Kubernetes does")
    void absolutePath() {
        Ingress ingress = yaml(FANOUT.replace("path: /bar", "path: bar"), Ingress.class);

        ApiException e = refused(() -> server.create(ingress));

        assertThat(causes(e)).containsExactly("spec.rules[0].http.paths[0].path: Invalid value: \"bar\": must be an absolute path");
    }

    @Test
    @DisplayName("a host must be a DNS name, not an IP address")
    void hostIsName() {
        Ingress ingress = yaml(FANOUT.replace("host: foo.bar.com", "host: 10.0.0.1"), Ingress.class);

        ApiException e = refused(() -> server.create(ingress));

        assertThat(causes(e)).containsExactly("spec.rules[0].host: Invalid value: \"10.0.0.1\": must be a DNS name, not an IP address");
    }

    @Test
    @DisplayName("a backend Service needs a port, by name or by number")
    void backendPort() {
        Ingress ingress = yaml(FANOUT.replace("            port:\n              number: 4200\n", ""), Ingress.class);

        ApiException e = refused(() -> server.create(ingress));

        assertThat(causes(e)).containsExactly(
                "spec.rules[0].http.paths[0].backend: Required value: port name or number is required");
    }

    @Test
    @DisplayName("an IngressClass names a domain-prefixed controller that never changes")
    void ingressClass() {
        IngressClass stored = server.create(IngressClass.of("nginx-example", "k8s.io/ingress-nginx"));
        ApiException bad = refused(() -> server.create(IngressClass.of("bad", "ingress-nginx")));
        ApiException changed = refused(() -> server.api.update(new IngressClass(null, null, stored.metadata(),
                new IngressClassSpec("example.com/other", null))));

        assertThat(causes(bad)).containsExactly(
                "spec.controller: Invalid value: \"ingress-nginx\": must be a domain-prefixed path (such as \"acme.io/foo\")");
        assertThat(causes(changed)).containsExactly("spec.controller: Invalid value: \"example.com/other\": field is immutable");
    }
}
