package kubelab.api.coordination;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.meta.MicroTime;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Leases read and print as Kubernetes does, their times to the microsecond. */
@Tag("chapter1")
class LeaseTest {

    @Test
    @DisplayName("a node heartbeat Lease keeps its holder, duration and renew time to the microsecond")
    void nodeLease() {
        Lease lease = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata:
                  name: node-1
                  namespace: kube-node-lease
                  ownerReferences:
                  - {apiVersion: v1, kind: Node, name: node-1, uid: 9e8d0000-0000-4000-8000-000000000000}
                spec:
                  holderIdentity: node-1
                  leaseDurationSeconds: 40
                  renewTime: "2026-01-01T00:00:10.123456Z"
                """), Lease.class);

        assertThat(lease.spec().renewTime().time()).isEqualTo(Instant.parse("2026-01-01T00:00:10.123456Z"));
        assertThat(lease.spec().leaseDurationSeconds()).isEqualTo(40);
    }

    @Test
    @DisplayName("a leader-election Lease keeps acquire time, transitions and the coordinated-election fields")
    void leaderLease() {
        Lease lease = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata: {name: kube-scheduler, namespace: kube-system}
                spec:
                  holderIdentity: control-plane_5f1c
                  leaseDurationSeconds: 15
                  acquireTime: "2026-01-01T00:00:00.000000Z"
                  renewTime: "2026-01-01T00:00:30.500000Z"
                  leaseTransitions: 2
                  strategy: OldestEmulationVersion
                  preferredHolder: control-plane-2_9a3b
                """), Lease.class);

        LeaseSpec renewed = lease.spec().withRenewTime(MicroTime.of(Instant.parse("2026-01-01T00:00:32.75Z")));

        assertThat(renewed.renewTime()).isGreaterThan(lease.spec().renewTime());
        assertThat(renewed.acquireTime()).isEqualTo(lease.spec().acquireTime());
        assertThat(lease.spec().leaseTransitions()).isEqualTo(2);
    }

    @Test
    @DisplayName("MicroTime prints six fractional digits in UTC, keeps microseconds and drops nanoseconds")
    void microTime() {
        MicroTime t = MicroTime.of(Instant.parse("2026-01-01T00:00:01.123456789Z"));

        assertThat(t).hasToString("2026-01-01T00:00:01.123456Z");
        assertThat(MicroTime.of(Instant.parse("2026-01-01T00:00:01Z"))).hasToString("2026-01-01T00:00:01.000000Z");
        assertThat(MicroTime.parse("2026-01-01T02:00:01.5+02:00")).isEqualTo(MicroTime.parse("2026-01-01T00:00:01.500000Z"));
        assertThat(Json.toJson(t)).isEqualTo("\"2026-01-01T00:00:01.123456Z\"");
    }

    @Test
    @DisplayName("leases are namespaced and have no short name")
    void registration() {
        Scheme scheme = new Scheme(CoordinationV1.resourceTypes());

        assertThat(scheme.byName("lease")).map(ResourceType::apiVersion).contains("coordination.k8s.io/v1");
        assertThat(scheme.of(Lease.class).namespaced()).isTrue();
    }
}
