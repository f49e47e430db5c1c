package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.IntOrString;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Services and Endpoints read and print as Kubernetes does. */
@Tag("chapter1")
class ServiceTest {

    @Test
    @DisplayName("a Service built in Java prints as the documentation's nginx-service.yaml")
    void prints() {
        Service svc = Service.of("default", "nginx-service", ServiceSpec.of(null,
                Map.of("app.kubernetes.io/name", "nginx"),
                List.of(new ServicePort("name-of-service-port", Protocol.TCP, null,
                        8000, IntOrString.of(80), null))));

        assertThat(Json.toYaml(svc)).isEqualTo("""
                apiVersion: v1
                kind: Service
                metadata:
                  name: nginx-service
                  namespace: default
                spec:
                  ports:
                  - name: name-of-service-port
                    protocol: TCP
                    port: 8000
                    targetPort: 80
                  selector:
                    app.kubernetes.io/name: nginx
                """);
    }

    @Test
    @DisplayName("a named targetPort stays a name, to be looked up in each pod's container ports")
    void namedTargetPort() {
        Service svc = Json.fromTree(ExampleManifests.ofKind("v1", "Service").stream()
                .filter(d -> d.file().equals("service/access/backend-service.yaml")).findFirst().orElseThrow()
                .tree(), Service.class);

        ServicePort port = svc.spec().ports().get(0);
        assertThat(port.targetPort()).isEqualTo(IntOrString.of("http"));
        assertThat(port.targetPort().isInt()).isFalse();
        assertThat(port.port()).isEqualTo(80);
    }

    @Test
    @DisplayName("clusterIP None makes a Service headless")
    void headless() {
        Service web = Json.fromTree(ExampleManifests.ofKind("v1", "Service").stream()
                .filter(d -> d.file().equals("application/web/web.yaml")).findFirst().orElseThrow().tree(),
                Service.class);

        assertThat(web.spec().isHeadless()).isTrue();
        assertThat(web.spec().withClusterIP("10.96.0.10").isHeadless()).isFalse();
        assertThat(web.spec().withClusterIP("10.96.0.10").clusterIPs()).containsExactly("10.96.0.10");
        assertThat(web.spec().clusterIPs()).as("the original is unchanged").isEmpty();
    }

    @Test
    @DisplayName("a LoadBalancer Service as the API server returns it keeps every allocated and reported field")
    void allocatedFields() {
        Service svc = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: frontend, namespace: default, uid: 6c1f2a3e-0000-4000-8000-000000000001,
                  resourceVersion: "812", creationTimestamp: "2026-01-01T00:00:00Z"}
                spec:
                  allocateLoadBalancerNodePorts: true
                  clusterIP: 10.96.14.2
                  clusterIPs: [10.96.14.2]
                  externalTrafficPolicy: Local
                  healthCheckNodePort: 31200
                  internalTrafficPolicy: Cluster
                  ipFamilies: [IPv4]
                  ipFamilyPolicy: SingleStack
                  ports:
                  - {nodePort: 30080, port: 80, protocol: TCP, targetPort: 80}
                  selector: {app: hello, tier: frontend}
                  sessionAffinity: ClientIP
                  sessionAffinityConfig:
                    clientIP: {timeoutSeconds: 10800}
                  type: LoadBalancer
                status:
                  loadBalancer:
                    ingress:
                    - ip: 203.0.113.7
                      ipMode: VIP
                      ports:
                      - {port: 80, protocol: TCP}
                  conditions:
                  - {type: LoadBalancerReady, status: "True", reason: Provisioned, message: ready,
                     lastTransitionTime: "2026-01-01T00:00:05Z"}
                """), Service.class);

        assertThat(svc.spec().type()).isEqualTo(ServiceType.LOAD_BALANCER);
        assertThat(svc.spec().ports().get(0).nodePort()).isEqualTo(30080);
        assertThat(svc.spec().externalTrafficPolicy()).isEqualTo(ServiceSpec.TRAFFIC_POLICY_LOCAL);
        assertThat(svc.status().loadBalancer().ingress().get(0).ip()).isEqualTo("203.0.113.7");
    }

    @Test
    @DisplayName("Endpoints keep ready and not-ready addresses apart, each pointing at its pod")
    void endpoints() {
        Endpoints ep = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Endpoints
                metadata: {name: hello, namespace: default}
                subsets:
                - addresses:
                  - ip: 10.244.1.5
                    nodeName: node-1
                    targetRef: {kind: Pod, name: backend-1, namespace: default, uid: 0a1b2c3d-0000-4000-8000-000000000005}
                  notReadyAddresses:
                  - ip: 10.244.2.7
                    nodeName: node-2
                    targetRef: {kind: Pod, name: backend-2, namespace: default}
                  ports:
                  - {name: http, port: 80, protocol: TCP}
                """), Endpoints.class);

        EndpointSubset subset = ep.subsets().get(0);
        assertThat(subset.addresses()).extracting(EndpointAddress::ip).containsExactly("10.244.1.5");
        assertThat(subset.notReadyAddresses().get(0).targetRef().name()).isEqualTo("backend-2");
        assertThat(subset.ports()).containsExactly(new EndpointPort("http", 80, "TCP", null));
    }
}
