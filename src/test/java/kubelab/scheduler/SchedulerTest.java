package kubelab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import kubelab.api.core.Event;
import kubelab.api.core.Taint;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The scheduler")
class SchedulerTest {
    private final Cluster c = new Cluster();
    private final Scheduler scheduler = new Scheduler(c.api, c.informers, c.loop, c.broadcaster);

    private void run() {
        c.informers.start();
        scheduler.start();
        c.loop.settle();
    }

    @Test
    @DisplayName("a pod is bound to a node and the scheduler records a Scheduled event")
    void bindsAPod() {
        c.node("node-1");
        c.node("node-2");
        c.node("node-3");
        c.createYaml("""
                metadata: {name: web, namespace: default}
                spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: 100m}}}]}
                """);
        run();
        assertThat(c.nodeOf("web")).startsWith("node-");
        Event e = c.events("web").get(0);
        assertThat(e.reason()).isEqualTo("Scheduled");
        assertThat(e.type()).isEqualTo("Normal");
        assertThat(e.source().component()).isEqualTo("default-scheduler");
        assertThat(e.message()).startsWith("Successfully assigned default/web to " + c.nodeOf("web") + " (3 feasible nodes of 3; score ");
    }

    @Test
    @DisplayName("pods/pod-nginx.yaml stays Pending until a node is labelled disktype=ssd")
    void nodeSelectorExample() {
        c.node("node-1");
        c.node("node-2");
        c.node("node-3");
        c.create(c.example("pods/pod-nginx.yaml"));
        run();
        String msg = "0/3 nodes are available: 3 node(s) didn't match Pod's node affinity/selector."
                + " preemption: 0/3 nodes are available: 3 Preemption is not helpful for scheduling.";
        assertThat(c.nodeOf("nginx")).isNull();
        assertThat(c.scheduled("nginx").status()).isEqualTo("False");
        assertThat(c.scheduled("nginx").reason()).isEqualTo("Unschedulable");
        assertThat(c.scheduled("nginx").message()).isEqualTo(msg);
        assertThat(c.events("nginx")).extracting(Event::reason, Event::type, Event::message)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("FailedScheduling", "Warning", msg));
        assertThat(scheduler.queue().whereIs("default", "nginx")).contains("unschedulablePods");
        var decision = scheduler.explain("default", "nginx").orElseThrow();
        assertThat(decision.outcome()).isEqualTo("Unschedulable");
        assertThat(decision.nodes()).allSatisfy(n -> assertThat(n.filterText())
                .isEqualTo("NodeAffinity: node(s) didn't match Pod's node affinity/selector"));

        c.labelNode("node-2", "disktype", "ssd");
        c.loop.settle();
        assertThat(c.nodeOf("nginx")).isEqualTo("node-2");
        assertThat(c.scheduled("nginx").status()).isEqualTo("True");
    }

    @Test
    @DisplayName("an untolerated taint is named in the message, and removing it lets the pod in")
    void taintMessage() {
        c.node("node-1", "4", "16Gi", 110, Map.of(), List.of(Taint.of("dedicated", "batch", "NoSchedule")));
        c.node("node-2", "2", "16Gi", 110, Map.of(), List.of());
        c.node("node-3", "2", "16Gi", 110, Map.of(), List.of());
        for (String n : List.of("node-2", "node-3")) {
            c.createYaml("""
                    metadata: {name: filler-%s, namespace: default}
                    spec: {nodeName: %s, containers: [{name: app, image: nginx, resources: {requests: {cpu: "1"}}}]}
                    """.formatted(n, n));
        }
        c.createYaml("""
                metadata: {name: big, namespace: default}
                spec: {containers: [{name: app, image: nginx, resources: {requests: {cpu: "2"}}}]}
                """);
        run();
        assertThat(c.scheduled("big").message()).isEqualTo("0/3 nodes are available: 1 node(s) had untolerated taint"
                + " {dedicated: batch}, 2 Insufficient cpu. preemption: 0/3 nodes are available:"
                + " 1 Preemption is not helpful for scheduling, 2 No preemption victims found for incoming pod.");
        c.taintNode("node-1", List.of());
        c.loop.settle();
        assertThat(c.nodeOf("big")).isEqualTo("node-1");
    }

    @Test
    @DisplayName("a pod that must run next to app=db pods is scheduled once a running pod is relabelled app=db")
    void podLabelChange() {
        c.node("node-1");
        c.node("node-2");
        c.createYaml("""
                metadata: {name: cache, namespace: default, labels: {app: cache}}
                spec: {nodeName: node-2, containers: [{name: app, image: redis}]}
                """);
        c.createYaml("""
                metadata: {name: web, namespace: default, labels: {app: web}}
                spec:
                  affinity:
                    podAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: db}}
                        topologyKey: kubernetes.io/hostname
                  containers: [{name: web, image: nginx}]
                """);
        run();
        assertThat(c.scheduled("web").message()).startsWith("0/2 nodes are available: 2 node(s) didn't match pod affinity rules.");
        var cache = c.pod("cache");
        c.api.update(cache.withMetadata(cache.metadata().withLabel("app", "db")));
        c.loop.settle();
        assertThat(c.nodeOf("web")).isEqualTo("node-2");
    }

    @Test
    @DisplayName("with no nodes a pod waits, saying no nodes are available, and is scheduled when one registers")
    void noNodes() {
        c.createYaml("""
                metadata: {name: web, namespace: default}
                spec: {containers: [{name: web, image: nginx}]}
                """);
        run();
        assertThat(c.scheduled("web").message()).isEqualTo("no nodes available to schedule pods");
        assertThat(c.events("web")).extracting(Event::reason).containsExactly("FailedScheduling");
        c.node("node-1");
        c.loop.settle();
        assertThat(c.nodeOf("web")).isEqualTo("node-1");
    }
}
