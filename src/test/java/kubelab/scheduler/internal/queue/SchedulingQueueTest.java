package kubelab.scheduler.internal.queue;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Set;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.ClusterEvent;
import kubelab.scheduler.framework.Manifests;
import kubelab.scheduler.framework.QueuedPodInfo;
import kubelab.scheduler.plugins.Names;
import kubelab.scheduler.plugins.queuesort.PrioritySort;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The scheduling queue")
class SchedulingQueueTest {
    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final SchedulingQueue queue = new SchedulingQueue(loop, new PrioritySort(), plugin -> switch (plugin) {
        case Names.NODE_AFFINITY -> Set.of(ClusterEvent.NODE_ADD, ClusterEvent.NODE_LABEL_CHANGE);
        case Names.NODE_RESOURCES_FIT -> Set.of(ClusterEvent.NODE_ADD, ClusterEvent.ASSIGNED_POD_DELETE);
        default -> Set.of(ClusterEvent.WILDCARD);
    });

    private static Pod pod(String name, Integer priority) {
        return Manifests.pod("""
                metadata: {name: %s, namespace: default}
                spec: {priority: %s, containers: [{name: app, image: nginx}]}
                """.formatted(name, priority == null ? "null" : priority));
    }

    /** Pops a pod and hands it back as rejected by {@code plugin}. */
    private QueuedPodInfo failWith(String plugin) {
        QueuedPodInfo info = queue.pop().orElseThrow();
        queue.addUnschedulableIfNotPresent(info.withUnschedulablePlugins(Set.of(plugin)), queue.schedulingCycle(), false);
        return info;
    }

    @Test
    @DisplayName("pods leave activeQ by priority, highest first, then in the order they came")
    void priorityOrder() {
        queue.add(pod("low", null));
        loop.advance(Duration.ofSeconds(1));
        queue.add(pod("high", 1000));
        queue.add(pod("low-2", 0));
        queue.add(pod("higher", 2000));
        assertThat(queue.activePods()).extracting(i -> i.pod().metadata().name())
                .containsExactly("higher", "high", "low", "low-2");
        assertThat(queue.pop().orElseThrow().attempts()).isEqualTo(1);
    }

    @Test
    @DisplayName("the back-off is 1 s and doubles with each attempt, up to 10 s")
    void backoffDurations() {
        assertThat(SchedulingQueue.calculateBackoffDuration(1)).isEqualTo(Duration.ofSeconds(1));
        assertThat(SchedulingQueue.calculateBackoffDuration(2)).isEqualTo(Duration.ofSeconds(2));
        assertThat(SchedulingQueue.calculateBackoffDuration(4)).isEqualTo(Duration.ofSeconds(8));
        assertThat(SchedulingQueue.calculateBackoffDuration(5)).isEqualTo(Duration.ofSeconds(10));
        assertThat(SchedulingQueue.calculateBackoffDuration(20)).isEqualTo(Duration.ofSeconds(10));
    }

    @Test
    @DisplayName("a pod that failed with an error waits out its back-off, then returns to activeQ")
    void errorGoesToBackoff() {
        queue.add(pod("web", null));
        QueuedPodInfo info = queue.pop().orElseThrow();
        queue.addUnschedulableIfNotPresent(info, queue.schedulingCycle(), true);
        assertThat(queue.whereIs("default", "web")).contains("backoffQ");
        loop.advance(Duration.ofMillis(999));
        assertThat(queue.whereIs("default", "web")).contains("backoffQ");
        loop.settle(); // the back-off timer is ordinary work: settling waits for it
        assertThat(queue.whereIs("default", "web")).contains("activeQ");
        assertThat(loop.elapsed()).isEqualTo(Duration.ofSeconds(1));
    }

    @Test
    @DisplayName("an unschedulable pod moves only on an event that could help the plugin that rejected it")
    void eventInterest() {
        queue.add(pod("web", null));
        failWith(Names.NODE_AFFINITY);
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        queue.moveAllToActiveOrBackoffQueue(ClusterEvent.ASSIGNED_POD_DELETE);
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_LABEL_CHANGE);
        assertThat(queue.whereIs("default", "web")).contains("backoffQ"); // still within its 1 s back-off
        loop.settle();
        assertThat(queue.whereIs("default", "web")).contains("activeQ");
    }

    @Test
    @DisplayName("a pod that fits nowhere does not keep the cluster busy; after 5 minutes it is retried anyway")
    void unschedulableLeftover() {
        queue.run(() -> { });
        queue.add(pod("web", null));
        failWith(Names.NODE_RESOURCES_FIT);
        loop.settle();
        assertThat(loop.elapsed()).isLessThan(Duration.ofSeconds(1));
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        loop.advance(Duration.ofMinutes(5));
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        loop.advance(Duration.ofSeconds(30));
        assertThat(queue.whereIs("default", "web")).contains("activeQ");
    }

    @Test
    @DisplayName("a move request during a pod's cycle sends the failing pod to backoffQ, not to wait for an event")
    void moveRequestDuringCycle() {
        queue.add(pod("web", null));
        QueuedPodInfo info = queue.pop().orElseThrow();
        queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD); // a node arrived while we were filtering
        queue.addUnschedulableIfNotPresent(info.withUnschedulablePlugins(Set.of(Names.NODE_AFFINITY)),
                queue.schedulingCycle(), false);
        assertThat(queue.whereIs("default", "web")).contains("backoffQ");
    }

    @Test
    @DisplayName("a status-only update leaves an unschedulable pod waiting; a spec change moves it")
    void updates() {
        Pod web = pod("web", null);
        queue.add(web);
        failWith(Names.NODE_AFFINITY);
        queue.update(web, web.withStatus(kubelab.api.core.PodStatus.empty().withPhase("Pending")));
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        queue.update(web, web.withMetadata(web.metadata().withLabel("tier", "front")));
        assertThat(queue.whereIs("default", "web")).contains("backoffQ");
    }

    @Test
    @DisplayName("a pod with scheduling gates waits, whatever happens in the cluster, until its last gate is removed")
    void schedulingGates() {
        Pod gated = Manifests.pod("""
                metadata: {name: web, namespace: default}
                spec: {schedulingGates: [{name: example.com/foo}], containers: [{name: app, image: nginx}]}
                """);
        queue.add(gated);
        queue.moveAllToActiveOrBackoffQueue(ClusterEvent.NODE_ADD);
        assertThat(queue.whereIs("default", "web")).contains("unschedulablePods");
        queue.update(gated, pod("web", null)); // the same pod, its gate removed
        assertThat(queue.whereIs("default", "web")).contains("activeQ");
    }
}
