package kubelab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import kubelab.api.core.Binding;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.Taint;
import kubelab.apiserver.DeleteOptions;
import kubelab.scheduler.explain.NodeDecision;
import kubelab.scheduler.explain.SchedulingDecision;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.PermitPlugin;
import kubelab.scheduler.framework.WaitingPod;
import kubelab.scheduler.framework.runtime.Profile;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The scheduler, scenario by scenario")
class SchedulerScenariosTest {
    private final Cluster c = new Cluster();

    private Scheduler start(SchedulerOptions options) {
        Scheduler s = new Scheduler(c.api, c.informers, c.loop, c.broadcaster, options);
        c.informers.start();
        s.start();
        return s;
    }

    private Pod replica(String name, String cpu) {
        return c.createYaml("""
                metadata:
                  name: %s
                  namespace: default
                  labels: {app: web}
                  ownerReferences: [{apiVersion: apps/v1, kind: ReplicaSet, name: web, uid: rs-uid-1, controller: true}]
                spec: {containers: [{name: web, image: nginx, resources: {requests: {cpu: %s}}}]}
                """.formatted(name, cpu));
    }

    @Test
    @DisplayName("a pod that fits nowhere is scheduled as soon as a node with room is added")
    void nodeAdded() {
        c.node("node-1", "1", "4Gi", 110, Map.of(), List.of());
        start(SchedulerOptions.defaults());
        replica("web-1", "2");
        c.loop.settle();
        assertThat(c.nodeOf("web-1")).isNull();
        assertThat(c.scheduled("web-1").message()).startsWith("0/1 nodes are available: 1 Insufficient cpu.");
        c.node("node-2");
        c.loop.settle();
        assertThat(c.nodeOf("web-1")).isEqualTo("node-2");
    }

    @Test
    @DisplayName("the replicas of a ReplicaSet are spread across the nodes")
    void spread() {
        for (int i = 1; i <= 3; i++) {
            c.node("node-" + i);
        }
        Scheduler s = start(SchedulerOptions.defaults());
        for (int i = 1; i <= 6; i++) {
            replica("web-" + i, "100m");
        }
        c.loop.settle();
        Map<String, Long> perNode = c.api.list(Pod.class, "default").items().stream()
                .collect(Collectors.groupingBy(p -> p.spec().nodeName(), Collectors.counting()));
        assertThat(perNode).containsOnly(Map.entry("node-1", 2L), Map.entry("node-2", 2L), Map.entry("node-3", 2L));
        SchedulingDecision d = s.explain("default", "web-6").orElseThrow();
        assertThat(d.nodes().get(0).scores()).extracting(x -> x.name())
                .contains("TaintToleration", "NodeResourcesFit", "PodTopologySpread", "NodeResourcesBalancedAllocation")
                // no preferred node affinity, no pod (anti-)affinity anywhere: their PreScore says Skip
                .doesNotContain("NodeAffinity", "InterPodAffinity");
    }

    @Test
    @DisplayName("explain shows each node's filter verdict, every plugin's scores and the chosen node")
    void explain() {
        c.node("node-1", "4", "16Gi", 110, Map.of(), List.of(Taint.of("dedicated", "batch", "NoSchedule")));
        c.node("node-2", "4", "16Gi", 110, Map.of(), List.of());
        c.node("node-3", "2", "16Gi", 110, Map.of(), List.of());
        Scheduler s = start(SchedulerOptions.defaults());
        replica("web-1", "1");
        c.loop.settle();
        SchedulingDecision d = s.explain("default", "web-1").orElseThrow();
        assertThat(d.outcome()).isEqualTo(SchedulingDecision.SCHEDULED);
        assertThat(d.chosenNode()).isEqualTo("node-2").isEqualTo(c.nodeOf("web-1"));
        NodeDecision tainted = d.node("node-1").orElseThrow();
        assertThat(tainted.verdict()).isEqualTo(NodeDecision.Verdict.REJECTED);
        assertThat(tainted.plugin()).isEqualTo("TaintToleration");
        assertThat(tainted.reasons()).containsExactly("node(s) had untolerated taint {dedicated: batch}");
        NodeDecision chosen = d.node("node-2").orElseThrow();
        NodeDecision other = d.node("node-3").orElseThrow();
        assertThat(chosen.total()).isGreaterThan(other.total());
        var fit = chosen.scores().stream().filter(x -> x.name().equals("NodeResourcesFit")).findFirst().orElseThrow();
        assertThat(fit.weighted()).isEqualTo(fit.normalized() * fit.weight());
        assertThat(chosen.total()).isEqualTo(chosen.scores().stream().mapToLong(x -> x.weighted()).sum());
        assertThat(d.render()).contains("* node-2", "TaintToleration: node(s) had untolerated taint {dedicated: batch}");
        Event scheduled = c.events("web-1").get(0);
        assertThat(scheduled.message()).isEqualTo("Successfully assigned default/web-1 to node-2 (2 feasible nodes of 3;"
                + " score " + chosen.total() + ", next best node-3 " + other.total() + ")");
    }

    @Test
    @DisplayName("in a cluster of 1,000 nodes the scheduler stops after 42% of them are found feasible")
    void sampling() {
        assertThat(SchedulePod.numFeasibleNodesToFind(0, 50)).isEqualTo(50);
        assertThat(SchedulePod.numFeasibleNodesToFind(0, 1000)).isEqualTo(420);
        assertThat(SchedulePod.numFeasibleNodesToFind(0, 5000)).isEqualTo(500);
        assertThat(SchedulePod.numFeasibleNodesToFind(0, 10000)).isEqualTo(500);
        assertThat(SchedulePod.numFeasibleNodesToFind(30, 1000)).isEqualTo(300);
        for (int i = 0; i < 1000; i++) {
            c.node(String.format("node-%04d", i));
        }
        Scheduler s = start(SchedulerOptions.defaults());
        replica("web-1", "100m");
        replica("web-2", "100m");
        c.loop.settle();
        SchedulingDecision d1 = s.explain("default", "web-1").orElseThrow();
        assertThat(d1.count(NodeDecision.Verdict.FEASIBLE)).isEqualTo(420);
        assertThat(d1.notExamined()).hasSize(580);
        assertThat(d1.render()).contains("580 nodes not examined (sampling)");
        // The next pod starts where the last one stopped.
        SchedulingDecision d2 = s.explain("default", "web-2").orElseThrow();
        assertThat(d2.node(d1.notExamined().get(0)).orElseThrow().verdict()).isEqualTo(NodeDecision.Verdict.FEASIBLE);
        assertThat(c.events("web-1").get(0).message()).contains("(420 feasible nodes of 1000, 420 examined; score ");
    }

    @Test
    @DisplayName("a higher-priority pod preempts a lower-priority one and is nominated to its node")
    void preemption() {
        c.node("node-1", "2", "4Gi", 110, Map.of(), List.of());
        start(SchedulerOptions.defaults());
        c.createYaml("""
                metadata: {name: low, namespace: default}
                spec: {priority: 0, containers: [{name: app, image: nginx, resources: {requests: {cpu: "1500m"}}}]}
                """);
        c.loop.settle();
        c.createYaml("""
                metadata: {name: high, namespace: default}
                spec: {priority: 1000, containers: [{name: app, image: nginx, resources: {requests: {cpu: "1"}}}]}
                """);
        c.loop.settle();
        assertThat(c.pod("high").status().nominatedNodeName()).isEqualTo("node-1");
        assertThat(c.pod("low").metadata().deletionTimestamp()).isNotNull();
        assertThat(c.events("low")).extracting(Event::reason, Event::message)
                .contains(org.assertj.core.groups.Tuple.tuple("Preempted", "Preempted by a pod on node node-1"));
        assertThat(c.pod("low").status().condition("DisruptionTarget").reason()).isEqualTo("PreemptionByScheduler");
        c.api.delete(Pod.class, "default", "low", DeleteOptions.gracePeriod(0)); // what the kubelet would finish
        c.loop.settle();
        assertThat(c.nodeOf("high")).isEqualTo("node-1");
    }

    /** A Permit plugin that holds every pod for up to a minute. */
    private static final class Hold implements PermitPlugin {
        @Override
        public String name() {
            return "Hold";
        }

        @Override
        public Result permit(CycleState state, Pod pod, String nodeName) {
            return Result.waitFor(Duration.ofMinutes(1));
        }
    }

    @Test
    @DisplayName("a pod bound by someone else while waiting at Permit: the binding conflict is handled and the assumed pod forgotten")
    void bindingConflict() {
        c.node("node-1");
        c.node("node-2", "1", "4Gi", 110, Map.of(), List.of());
        Scheduler s = start(SchedulerOptions.of(Profile.defaultBuilder("default-scheduler").plugin(new Hold(), 1).build()));
        replica("web-1", "100m");
        c.loop.runUntil(() -> s.framework("default-scheduler").waitingPod("default/web-1").isPresent(), Duration.ofSeconds(5));
        WaitingPod waiting = s.framework("default-scheduler").waitingPod("default/web-1").orElseThrow();
        assertThat(waiting.nodeName()).isEqualTo("node-1");
        assertThat(s.cache().isAssumedPod(c.pod("web-1").withSpec(c.pod("web-1").spec().withNodeName("node-1")))).isTrue();
        c.api.bind(Binding.of("default", "web-1", null, "node-2"));
        waiting.allow("Hold");
        c.loop.settle();
        assertThat(c.nodeOf("web-1")).isEqualTo("node-2");
        assertThat(s.cache().getPod("default", "web-1").orElseThrow().spec().nodeName()).isEqualTo("node-2");
        assertThat(s.queue().whereIs("default", "web-1")).isEmpty();
        assertThat(s.explain("default", "web-1").orElseThrow().outcome()).isEqualTo(SchedulingDecision.ERROR);
        assertThat(c.events("web-1")).extracting(Event::reason).containsExactly("FailedScheduling");
        assertThat(c.events("web-1").get(0).message()).startsWith("binding rejected: running Bind plugin \"DefaultBinder\": ")
                .contains("already assigned to node \"node-2\"");
    }

    @Test
    @DisplayName("a pod held at Permit is rejected when the wait times out, and waits to be tried again")
    void permitTimeout() {
        c.node("node-1");
        Scheduler s = start(SchedulerOptions.of(Profile.defaultBuilder("default-scheduler").plugin(new Hold(), 1).build()));
        replica("web-1", "100m");
        c.loop.advance(Duration.ofSeconds(61));
        assertThat(c.events("web-1")).extracting(Event::message)
                .contains("rejected due to timeout after waiting 1m0s at plugin Hold");
        assertThat(c.nodeOf("web-1")).isNull();
        assertThat(s.queue().whereIs("default", "web-1")).contains("unschedulablePods");
        c.loop.advance(Duration.ofSeconds(330)); // the leftover sweep retries it; Hold makes it wait again
        assertThat(s.framework("default-scheduler").waitingPod("default/web-1")).isPresent();
    }
}
