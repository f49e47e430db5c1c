package kubelab.api.discovery;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** EndpointSlices read and print as Kubernetes does. */
@Tag("chapter1")
class DiscoveryV1Test {

    @Test
    @DisplayName("an EndpointSlice keeps each endpoint's conditions, pod, node, zone and hints")
    void roundTrip() {
        EndpointSlice slice = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: hello-abc12
                  namespace: default
                  generateName: hello-
                  labels: {kubernetes.io/service-name: hello, endpointslice.kubernetes.io/managed-by: endpointslice-controller.k8s.io}
                addressType: IPv4
                endpoints:
                - addresses: [10.244.1.5]
                  conditions: {ready: true, serving: true, terminating: false}
                  nodeName: node-1
                  zone: zone-a
                  hints:
                    forZones: [{name: zone-a}]
                  targetRef: {kind: Pod, name: backend-1, namespace: default, uid: 0a1b0000-0000-4000-8000-000000000000}
                - addresses: [10.244.2.7]
                  conditions: {ready: false, serving: true, terminating: true}
                  hostname: web-1
                  nodeName: node-2
                  deprecatedTopology: {kubernetes.io/hostname: node-2}
                ports:
                - {name: http, port: 80, protocol: TCP, appProtocol: http}
                """), EndpointSlice.class);

        assertThat(slice.addressType()).isEqualTo(AddressType.IPV4);
        assertThat(slice.metadata().labels()).containsEntry(EndpointSlice.SERVICE_NAME_LABEL, "hello")
                .containsEntry(EndpointSlice.MANAGED_BY_LABEL, EndpointSlice.CONTROLLER_NAME);
        assertThat(slice.endpoints()).extracting(e -> e.conditions().ready()).containsExactly(true, false);
        assertThat(slice.endpoints().get(1).conditions().serving()).as("still serving while terminating").isTrue();
        assertThat(slice.endpoints().get(0).hints().forZones()).containsExactly(new EndpointHints.ForZone("zone-a"));
        assertThat(slice.ports()).containsExactly(new EndpointPort("http", "TCP", 80, "http"));
    }

    @Test
    @DisplayName("an EndpointSlice has no spec: addressType, endpoints and ports print at the top level")
    void noSpec() {
        EndpointSlice slice = new EndpointSlice(null, null, ObjectMeta.of("default", "hello-1"), AddressType.IPV4,
                List.of(new Endpoint(List.of("10.244.1.5"), new EndpointConditions(true, null, null), null, null, null,
                        "node-1", null, null)),
                List.of(new EndpointPort(null, null, 8080, null)));

        assertThat(Json.toYaml(slice)).isEqualTo("""
                apiVersion: discovery.k8s.io/v1
                kind: EndpointSlice
                metadata:
                  name: hello-1
                  namespace: default
                addressType: IPv4
                endpoints:
                - addresses:
                  - 10.244.1.5
                  conditions:
                    ready: true
                  nodeName: node-1
                ports:
                - port: 8080
                """);
        assertThat(slice.withEndpoints(List.of()).endpoints()).isEmpty();
        assertThat(slice.endpoints().get(0).deprecatedTopology()).isEqualTo(Map.of());
    }

    @Test
    @DisplayName("endpoints and ports are replaced whole by a patch; endpointslices are namespaced and have no short name")
    void patchAndRegistration() {
        assertThat(patchStrategy(EndpointSlice.class, "endpoints")).isEmpty();
        assertThat(patchStrategy(EndpointSlice.class, "ports")).isEmpty();
        Scheme scheme = new Scheme(DiscoveryV1.resourceTypes());
        assertThat(scheme.byName("endpointslices.discovery.k8s.io")).map(ResourceType::kind).contains("EndpointSlice");
        assertThat(scheme.of(EndpointSlice.class).namespaced()).isTrue();
        assertThat(scheme.of(EndpointSlice.class).shortNames()).isEmpty();
    }
}
