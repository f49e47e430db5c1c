package kubelab.cluster;

import static kubelab.cluster.Examples.podsNamed;
import static kubelab.cluster.Examples.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import kubelab.api.apps.DaemonSet;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.batch.Job;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The documentation's workload examples (ReplicaSet, Deployment, DaemonSet, Job) on a running
 * cluster: controllers, scheduler, kubelets and runtime together.
 */
@Tag("chapter1")
@DisplayName("The documentation's workload examples")
class WorkloadExamplesTest {

    private static List<Pod> running(Cluster c, String prefix) {
        return podsNamed(c, prefix).stream().filter(p -> "Running".equals(p.status().phase())).toList();
    }

    @Test
    @DisplayName("#28 frontend: three gb-frontend pods run; a deleted pod is replaced")
    void replicaSet() {
        Cluster c = run("controllers/frontend.yaml");
        c.settle();
        assertThat(running(c, "frontend-")).hasSize(3);
        String victim = podsNamed(c, "frontend-").get(0).name();
        c.deletePod("default", victim);
        c.settle();
        assertThat(running(c, "frontend-")).hasSize(3).noneMatch(p -> p.name().equals(victim));
    }

    @Test
    @DisplayName("#24 after #28: the two bare pods with tier=frontend are adopted as surplus and deleted")
    void adoptionOfSurplus() {
        Cluster c = run("controllers/frontend.yaml");
        c.settle();
        c.apply(Examples.file("pods/pod-rs.yaml"));
        c.settle();
        assertThat(c.pods("default")).hasSize(3);
        assertThat(c.pods("default")).allSatisfy(p -> assertThat(p.name()).startsWith("frontend-"));
    }

    @Test
    @DisplayName("#24 before #28: the ReplicaSet adopts both bare pods and creates only one more")
    void adoptionFirst() {
        Cluster c = run("pods/pod-rs.yaml");
        c.settle();
        c.apply(Examples.file("controllers/frontend.yaml"));
        c.settle();
        assertThat(c.pods("default")).hasSize(3)
                .allSatisfy(p -> assertThat(p.metadata().controllerRef().name()).isEqualTo("frontend"));
        assertThat(c.timeline().where(e -> e.reason().equals("SuccessfulCreate"))).hasSize(1);
    }

    @Test
    @DisplayName("#25 nginx-deployment: one ReplicaSet nginx-deployment-<hash>, three pods Running, READY 3/3")
    void deployment() {
        Cluster c = run("controllers/nginx-deployment.yaml");
        c.settle();
        List<ReplicaSet> sets = c.api().list(ReplicaSet.class, "default").items();
        assertThat(sets).singleElement().satisfies(rs -> {
            assertThat(rs.name()).matches("nginx-deployment-[bcdfghjklmnpqrstvwxz2456789]{1,10}");
            assertThat(rs.status().readyReplicas()).isEqualTo(3);
        });
        assertThat(c.get("deployments")).contains("nginx-deployment   3/3     3            3");
        // The default spread puts one pod on each node.
        assertThat(running(c, "nginx-deployment-").stream().map(p -> p.spec().nodeName()).collect(Collectors.toSet()))
                .hasSize(3);
    }

    @Test
    @DisplayName("#26 then #27: a rolling update to nginx:1.16.1 never drops below 2 - 0 available (maxUnavailable 25% of 2 rounds down to 0)")
    void rollingUpdate() {
        Cluster c = run("application/deployment.yaml");
        c.settle();
        int[] lowest = {Integer.MAX_VALUE};
        int[] highest = {0};
        c.events().startEventWatcher(e -> {
            Deployment d = c.api().get(Deployment.class, "default", "nginx-deployment");
            if (d.status() != null && d.status().availableReplicas() != null) {
                lowest[0] = Math.min(lowest[0], d.status().availableReplicas());
            }
            highest[0] = Math.max(highest[0], (int) c.pods("default").stream()
                    .filter(p -> p.metadata().deletionTimestamp() == null).count());
        });
        c.apply(Examples.file("application/deployment-update.yaml"));
        c.settle();
        Deployment d = c.api().get(Deployment.class, "default", "nginx-deployment");
        assertThat(d.metadata().annotations()).containsEntry("deployment.kubernetes.io/revision", "2");
        assertThat(running(c, "nginx-deployment-")).hasSize(2)
                .allSatisfy(p -> assertThat(p.spec().containers().get(0).image()).isEqualTo("nginx:1.16.1"));
        assertThat(lowest[0]).isGreaterThanOrEqualTo(2);
        assertThat(highest[0]).isLessThanOrEqualTo(3); // maxSurge: 25% of 2 rounds up to 1
        assertThat(c.api().list(ReplicaSet.class, "default").items()).extracting(rs -> rs.spec().replicas())
                .containsExactlyInAnyOrder(0, 2);
    }

    @Test
    @DisplayName("#29 fluentd DaemonSet: one pod per node, the tainted control-plane node included")
    void daemonSetWithTolerations() {
        Cluster c = Cluster.builder().nodes(2).build();
        c.apply("apiVersion: v1\nkind: Node\nmetadata:\n  name: control-plane\n  labels:\n"
                + "    node-role.kubernetes.io/control-plane: \"\"\nspec:\n  taints:\n"
                + "  - {key: node-role.kubernetes.io/control-plane, effect: NoSchedule}\n");
        c.apply(Examples.file("controllers/fluentd-daemonset-update.yaml"));
        c.settle();
        List<Pod> pods = c.pods("kube-system");
        assertThat(pods).hasSize(3).allSatisfy(p -> assertThat(p.status().phase()).isEqualTo("Running"));
        assertThat(pods.stream().map(p -> p.spec().nodeName()).collect(Collectors.toSet()))
                .isEqualTo(Set.of("node-1", "node-2", "control-plane"));
        DaemonSet ds = c.api().list(DaemonSet.class, "kube-system").items().get(0);
        assertThat(ds.status().numberReady()).isEqualTo(3);
    }

    @Test
    @DisplayName("#30 basic DaemonSet: no pod on the tainted control-plane node; a node added later gets one")
    void daemonSetSkipsTaintedNode() {
        Cluster c = Cluster.builder().nodes(2).build();
        c.apply("apiVersion: v1\nkind: Node\nmetadata:\n  name: control-plane\nspec:\n  taints:\n"
                + "  - {key: node-role.kubernetes.io/control-plane, effect: NoSchedule}\n");
        c.apply(Examples.file("application/basic-daemonset.yaml"));
        c.settle();
        assertThat(c.pods("default")).hasSize(2).noneMatch(p -> "control-plane".equals(p.spec().nodeName()));
        // The init container copied the host's machine id to the host's /var/log through hostPath mounts.
        var host = c.node("node-1").hostFs();
        assertThat(host.read("/var/log/machine-id.log")).isEqualTo(host.read("/etc/machine-id"));
        c.addNode("node-3");
        c.settle();
        assertThat(c.pods("default")).hasSize(3).anyMatch(p -> "node-3".equals(p.spec().nodeName()));
    }

    @Test
    @DisplayName("#31 pi Job: one perl pod runs to completion; the Job is Complete 1/1 and the log holds pi")
    void piJob() {
        Cluster c = run("controllers/job.yaml");
        c.settle();
        Job job = c.api().get(Job.class, "default", "pi");
        assertThat(job.status().succeeded()).isEqualTo(1);
        assertThat(c.get("jobs")).contains("pi     Complete   1/1");
        Pod pod = podsNamed(c, "pi-").get(0);
        assertThat(c.logs("default", pod.name(), "pi")).startsWith("3.14159265358979323846264338327950288419716939937510");
        assertThat(c.timeline().reasons("job/pi")).containsExactly("SuccessfulCreate", "Completed");
    }

    @Test
    @DisplayName("#39 load-balancer-example: five hello-app pods Running, each logging that it listens on 8080")
    void helloApp() {
        Cluster c = run("service/load-balancer-example.yaml");
        c.settle();
        List<Pod> pods = running(c, "hello-world-");
        assertThat(pods).hasSize(5);
        Pod first = pods.get(0);
        assertThat(c.network().http("GET", first.status().podIP(), 8080, "/", java.util.Map.of()).body())
                .isEqualTo("Hello, world!\nVersion: 2.0.0\nHostname: " + first.name() + "\n");
    }
}
