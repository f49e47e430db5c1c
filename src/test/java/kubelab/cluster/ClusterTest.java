package kubelab.cluster;

import static kubelab.cluster.Examples.podsNamed;
import static kubelab.cluster.Examples.restarts;
import static kubelab.cluster.Examples.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import kubelab.api.apps.Deployment;
import kubelab.api.core.Node;
import kubelab.api.core.Pod;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** A whole cluster's behaviour under the faults a learner injects, and its three capabilities. */
@Tag("chapter1")
@DisplayName("A cluster")
class ClusterTest {

    private static String readyStatus(Cluster c, String node) {
        return c.api().get(Node.class, null, node).status().condition("Ready").status();
    }

    @Test
    @DisplayName("self-healing: a stopped node turns Unknown after 50 s; its pods are evicted 300 s after the taint and recreated elsewhere")
    void stoppedNode() {
        Cluster c = run("controllers/nginx-deployment.yaml");
        c.settle();
        Pod victim = podsNamed(c, "nginx-deployment-").get(0);
        String node = victim.spec().nodeName();

        c.stopNode(node);
        c.advance(Duration.ofSeconds(40));
        assertThat(readyStatus(c, node)).isEqualTo("True"); // still within the grace period
        c.advance(Duration.ofSeconds(20));
        assertThat(readyStatus(c, node)).isEqualTo("Unknown");
        assertThat(c.api().get(Node.class, null, node).spec().taints())
                .anySatisfy(t -> assertThat(t.key()).isEqualTo("node.kubernetes.io/unreachable"));

        c.advance(Duration.ofMinutes(5));
        List<Pod> pods = podsNamed(c, "nginx-deployment-");
        assertThat(pods.stream().filter(p -> p.metadata().deletionTimestamp() == null))
                .hasSize(3)
                .noneMatch(p -> p.name().equals(victim.name()))
                .noneMatch(p -> node.equals(p.spec().nodeName()));
        assertThat(c.timeline().reasons("pod/" + victim.name())).contains("TaintManagerEviction");
    }

    @Test
    @DisplayName("a restarted node registers again and runs the pods still bound to it")
    void restartedNode() {
        Cluster c = run("pods/simple-pod.yaml");
        c.settle();
        String node = c.pod("default", "nginx").spec().nodeName();
        c.restartNode(node);
        c.settle();
        Pod pod = c.pod("default", "nginx");
        assertThat(pod.status().phase()).isEqualTo("Running");
        assertThat(pod.status().containerStatuses().get(0).restartCount()).isEqualTo(1);
    }

    @Test
    @DisplayName("a killed container exits with 137 and restartPolicy Always starts it again")
    void killedContainer() {
        Cluster c = run("pods/simple-pod.yaml");
        c.settle();
        c.killContainer("default", "nginx", "nginx");
        c.settle();
        assertThat(restarts(c, "default", "nginx")).isEqualTo(1);
        var last = c.pod("default", "nginx").status().containerStatuses().get(0).lastState().terminated();
        assertThat(last.exitCode()).isEqualTo(137);
        assertThat(last.reason()).isEqualTo("Error");
    }

    @Test
    @DisplayName("a busybox that sleeps ignores SIGTERM as PID 1, so deleting its pod takes the whole 30 s grace period")
    void gracePeriod() {
        Cluster c = Cluster.create();
        c.apply("apiVersion: v1\nkind: Pod\nmetadata:\n  name: sleeper\nspec:\n  containers:\n"
                + "  - name: app\n    image: busybox:1.36\n    command: [sleep, \"3600\"]\n");
        c.settleWithin(Duration.ofSeconds(10));
        c.deletePod("default", "sleeper");
        c.advance(Duration.ofSeconds(29));
        assertThat(c.pods("default")).extracting(Pod::name).containsExactly("sleeper");
        c.advance(Duration.ofSeconds(2));
        assertThat(c.pods("default")).isEmpty();
        assertThat(c.timeline().reasons("pod/sleeper")).endsWith("Killing");
    }

    @Test
    @DisplayName("elastic scaling: CPU above the target scales the Deployment up; without load it scales down after 5 minutes")
    void horizontalPodAutoscaler() {
        Cluster c = Cluster.create();
        c.apply("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: php-apache}
                spec:
                  selector: {matchLabels: {run: php-apache}}
                  template:
                    metadata: {labels: {run: php-apache}}
                    spec:
                      containers:
                      - name: php-apache
                        image: registry.k8s.io/hpa-example
                        resources: {requests: {cpu: 200m}, limits: {cpu: 500m}}
                ---
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: php-apache}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
                """);
        c.settle();
        Pod pod = podsNamed(c, "php-apache-").get(0);
        var node = c.nodeOf("default", pod.name());
        String id = node.runningContainer("default", pod.name(), "php-apache").orElseThrow().id();
        node.runtime().setCpuDemand(id, 500); // the load generator: 250% of the 200m request

        c.advance(Duration.ofSeconds(30));
        int scaledTo = c.api().get(Deployment.class, "default", "php-apache").spec().replicas();
        assertThat(scaledTo).isGreaterThan(1);
        assertThat(c.timeline().reasons("horizontalpodautoscaler/php-apache")).contains("SuccessfulRescale");

        node.runtime().setCpuDemand(id, 0);
        c.advance(Duration.ofMinutes(4));
        assertThat(c.api().get(Deployment.class, "default", "php-apache").spec().replicas())
                .isGreaterThanOrEqualTo(scaledTo); // the 5-minute stabilisation window holds it
        c.advance(Duration.ofMinutes(2));
        assertThat(c.api().get(Deployment.class, "default", "php-apache").spec().replicas()).isEqualTo(1);
    }

    @Test
    @DisplayName("the same seed gives the same run: names, nodes, times and messages")
    void deterministic() {
        Cluster a = run("controllers/nginx-deployment.yaml");
        Cluster b = run("controllers/nginx-deployment.yaml");
        a.settle();
        b.settle();
        assertThat(a.timeline().render()).isEqualTo(b.timeline().render());
        assertThat(a.get("pods -o wide")).isEqualTo(b.get("pods -o wide"));
    }
}
