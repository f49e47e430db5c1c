package kubelab.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import kubelab.api.core.Event;
import kubelab.scheduler.framework.runtime.Profile;
import kubelab.scheduler.plugins.Names;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("Custom schedulers")
class CustomSchedulerTest {
    private final Cluster c = new Cluster();

    private void pod(String name, String schedulerName) {
        c.createYaml("""
                metadata: {name: %s, namespace: default}
                spec: {schedulerName: %s, containers: [{name: app, image: nginx}]}
                """.formatted(name, schedulerName));
    }

    @Test
    @DisplayName("a scheduler written as a Java function takes the pods that name it and records events under its name")
    void functionScheduler() {
        c.node("node-1");
        c.node("node-2");
        Scheduler defaults = new Scheduler(c.api, c.informers, c.loop, c.broadcaster);
        defaults.start();
        CustomScheduler.start(c.api, c.informers, c.loop, "my-scheduler",
                (pod, nodes) -> nodes.get(nodes.size() - 1).nodeName());
        pod("mine", "my-scheduler");
        pod("theirs", "default-scheduler");
        c.loop.settle();
        assertThat(c.nodeOf("mine")).isEqualTo("node-2");
        Event e = c.events("mine").get(0);
        assertThat(e.source().component()).isEqualTo("my-scheduler");
        assertThat(e.message()).startsWith("Successfully assigned default/mine to node-2");
        assertThat(c.events("theirs").get(0).source().component()).isEqualTo("default-scheduler");
    }

    @Test
    @DisplayName("a second scheduler with a profile of chosen plugins schedules the pods that name it")
    void profileScheduler() {
        c.node("node-1");
        Profile profile = Profile.builder("my-scheduler")
                .filter(Names.NODE_UNSCHEDULABLE, Names.NODE_RESOURCES_FIT)
                .score(Names.NODE_RESOURCES_FIT, 1)
                .build();
        Scheduler mine = new Scheduler(c.api, c.informers, c.loop, c.broadcaster, SchedulerOptions.of(profile));
        c.informers.start();
        mine.start();
        pod("mine", "my-scheduler");
        c.loop.settle();
        assertThat(c.nodeOf("mine")).isEqualTo("node-1");
        assertThat(mine.framework("my-scheduler").pluginNames(Profile.ExtensionPoint.Filter))
                .containsExactly(Names.NODE_UNSCHEDULABLE, Names.NODE_RESOURCES_FIT);
    }

    @Test
    @DisplayName("a pod naming a scheduler nobody runs stays Pending, with no events")
    void nobodyRunsIt() {
        c.node("node-1");
        Scheduler defaults = new Scheduler(c.api, c.informers, c.loop, c.broadcaster);
        c.informers.start();
        defaults.start();
        pod("orphan", "nobodys-scheduler");
        c.loop.settle();
        assertThat(c.nodeOf("orphan")).isNull();
        assertThat(c.pod("orphan").status().conditions()).isEmpty();
        assertThat(c.events("orphan")).isEmpty();
    }
}
