package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.ApiTestServer.refused;
import static kubelab.apiserver.registry.ApiTestServer.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.Scheme;
import kubelab.api.core.Service;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.registry.ApiTestServer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Cluster IPs and node ports, handed out by the API server when a Service is created. */
@Tag("chapter1")
@DisplayName("Service IP and node port allocation")
class ServiceIPAllocationTest {
    private final ApiTestServer server = new ApiTestServer();
    private final ClusterIPAllocator range = new ClusterIPAllocator(server.api.store());

    private static Service service(String name, String extraSpec) {
        return yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: %s, namespace: default}
                spec:
                  selector: {app: web}
                  ports: [{port: 80}]
                %s""".formatted(name, extraSpec.isEmpty() ? "" : "  " + extraSpec + "\n"), Service.class);
    }

    private static boolean inServiceCidr(String ip) {
        String[] o = ip.split("\\.");
        return o[0].equals("10") && Integer.parseInt(o[1]) >= 96 && Integer.parseInt(o[1]) <= 111;
    }

    @Test
    @DisplayName("a Service without a clusterIP gets one from 10.96.0.0/12, single-stack IPv4, above the low band kept for fixed IPs")
    void allocates() {
        Service svc = server.create(service("web", ""));

        String ip = svc.spec().clusterIP();
        assertThat(inServiceCidr(ip)).as(ip).isTrue();
        assertThat(svc.spec().clusterIPs()).containsExactly(ip);
        assertThat(svc.spec().ipFamilies()).containsExactly("IPv4");
        assertThat(svc.spec().ipFamilyPolicy()).isEqualTo("SingleStack");
        assertThat(ip).as("dynamic allocation avoids 10.96.0.1-10.96.1.0").isNotIn(range.at(1), range.at(10))
                .doesNotStartWith("10.96.0.");
    }

    @Test
    @DisplayName("an IP another Service holds is refused: 422, spec.clusterIPs, provided IP is already allocated")
    void taken() {
        server.create(service("dns", "clusterIP: 10.96.0.10"));

        ApiException e = refused(() -> server.create(service("copy", "clusterIP: 10.96.0.10")));

        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).isEqualTo("Service \"copy\" is invalid: spec.clusterIPs: Invalid value: "
                + "[]string{\"10.96.0.10\"}: failed to allocate IP 10.96.0.10: provided IP is already allocated");
    }

    @Test
    @DisplayName("an IP outside the service CIDR is refused with the valid range in the message")
    void outOfRange() {
        ApiException e = refused(() -> server.create(service("far", "clusterIP: 192.168.0.10")));

        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).endsWith("failed to allocate IP 192.168.0.10: provided IP is not in the valid range. "
                + "The range of valid IPs is 10.96.0.0/12");
    }

    @Test
    @DisplayName("a deleted Service's IP is free again at once: the store is the allocator's truth")
    void released() {
        server.create(service("dns", "clusterIP: 10.96.0.10"));
        server.api.delete(Service.class, "default", "dns");

        assertThat(server.create(service("dns2", "clusterIP: 10.96.0.10")).spec().clusterIP()).isEqualTo("10.96.0.10");
    }

    @Test
    @DisplayName("a second API server over the same store sees the IPs the first one gave out")
    void survivesRestart() {
        Service first = server.create(service("web", ""));
        ApiServer restarted = new ApiServer(server.api.store(), Scheme.standard(), server.loop);

        ApiException e = refused(() -> restarted.create(service("other", "clusterIP: " + first.spec().clusterIP())));

        assertThat(e.getMessage()).endsWith("provided IP is already allocated");
    }

    @Test
    @DisplayName("headless and ExternalName Services get no cluster IP")
    void noIP() {
        assertThat(server.create(service("headless", "clusterIP: None")).spec().clusterIPs()).containsExactly("None");
        Service ext = server.create(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: db, namespace: default}
                spec: {type: ExternalName, externalName: db.example.com}
                """, Service.class));
        assertThat(ext.spec().clusterIP()).isNull();
    }

    @Test
    @DisplayName("a NodePort Service gets a node port in 30000-32767; a port another Service holds is refused")
    void nodePorts() {
        Service svc = server.create(service("np", "type: NodePort"));
        int port = svc.spec().ports().get(0).nodePort();
        assertThat(port).isBetween(NodePortAllocator.MIN, NodePortAllocator.MAX);

        ApiException e = refused(() -> server.create(yaml("""
                apiVersion: v1
                kind: Service
                metadata: {name: np2, namespace: default}
                spec:
                  type: NodePort
                  ports: [{port: 80, nodePort: %d}]
                """.formatted(port), Service.class)));
        assertThat(e.code()).isEqualTo(422);
        assertThat(e.getMessage()).endsWith("spec.ports[0].nodePort: Invalid value: " + port + ": provided port is already allocated");
    }
}
