package kubelab.cluster;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import kubelab.api.apps.Deployment;
import kubelab.api.coordination.Lease;
import kubelab.api.core.Pod;
import kubelab.client.leaderelection.LeaderElectionConfig;
import kubelab.store.MemoryStore;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Two control planes (API server, scheduler, controller manager) on one store, as two
 * {@code kubelab serve} processes on one etcd: leader election lets one scheduler and one
 * controller manager act at a time, and the other takes over when the first lets go. The two
 * clusters' clocks are stepped in turn, a second at a time, as two processes' clocks run side by
 * side.
 */
@Tag("chapter1")
@DisplayName("Two control planes on one store")
class TwoControlPlanesTest {
    private static final String LEASES = LeaderElectionConfig.KUBE_SYSTEM;
    private final MemoryStore store = new MemoryStore();
    private final AtomicBoolean aLost = new AtomicBoolean();
    private final AtomicBoolean bLost = new AtomicBoolean();
    private final Cluster a = Cluster.builder().store(store).nodes(2)
            .leaderElection(new Cluster.LeaderElection("host-a", () -> aLost.set(true))).build();
    private final Cluster b = Cluster.builder().store(store).nodes(0)
            .leaderElection(new Cluster.LeaderElection("host-b", () -> bLost.set(true))).build();

    private void both(Duration duration) {
        for (long s = 0; s < duration.toSeconds(); s++) {
            a.advance(Duration.ofSeconds(1));
            b.advance(Duration.ofSeconds(1));
        }
    }

    private List<Pod> running(Cluster c) {
        return c.pods("default").stream().filter(p -> p.metadata().deletionTimestamp() == null)
                .filter(p -> "Running".equals(p.status().phase())).toList();
    }

    private static final String WEB = Examples.nginxDeployment("web", 3);

    @Test
    @DisplayName("one scheduler and one controller manager act: a Deployment of 3 applied through either gets exactly 3 pods")
    void oneLeaderEach() {
        both(Duration.ofSeconds(5));
        assertThat(a.api().get(Lease.class, LEASES, "kube-scheduler").spec().holderIdentity()).isEqualTo("host-a");
        assertThat(a.api().get(Lease.class, LEASES, "kube-controller-manager").spec().holderIdentity()).isEqualTo("host-a");
        assertThat(b.leader("kube-scheduler")).contains("host-a");

        b.apply(WEB);   // through the second API server
        both(Duration.ofSeconds(30));
        assertThat(running(a)).hasSize(3);
        assertThat(a.pods("default")).as("no pod created twice").hasSize(3);
        assertThat(b.api().get(Deployment.class, "default", "web").status().readyReplicas()).isEqualTo(3);
        assertThat(aLost).isFalse();
        assertThat(bLost).isFalse();
    }

    @Test
    @DisplayName("when the leading process lets go of its Leases, the other takes over within seconds and acts")
    void takeOver() {
        both(Duration.ofSeconds(5));
        b.apply(WEB);
        both(Duration.ofSeconds(30));
        a.releaseLeases();   // process a stops its control plane; its kubelets go on
        both(Duration.ofSeconds(6));
        assertThat(b.api().get(Lease.class, LEASES, "kube-scheduler").spec().holderIdentity()).isEqualTo("host-b");
        assertThat(b.api().get(Lease.class, LEASES, "kube-controller-manager").spec().holderIdentity()).isEqualTo("host-b");

        Deployment web = b.api().get(Deployment.class, "default", "web");
        b.api().update(web.withSpec(web.spec().withReplicas(4)));
        both(Duration.ofSeconds(30));
        assertThat(running(b)).as("b's controllers made the fourth pod, b's scheduler bound it, a's kubelet runs it")
                .hasSize(4);
        assertThat(b.api().get(Lease.class, LEASES, "kube-controller-manager").spec().leaseTransitions()).isEqualTo(1);
    }
}
