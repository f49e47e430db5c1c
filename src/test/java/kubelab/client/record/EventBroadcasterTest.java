package kubelab.client.record;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.apiserver.ApiServer;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The event recorder")
class EventBroadcasterTest {
    private final SimulatedLoop loop = new SimulatedLoop(1);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final List<Event> seen = new ArrayList<>();
    private final EventRecorder recorder = new EventBroadcaster(loop).startRecordingToSink(api)
            .startEventWatcher(seen::add).newRecorder("kubelet", "node-1");
    private final Pod pod = api.create(Pod.of("default", "web", PodSpec.of(Container.of("web", "nginx"))));

    private List<Event> stored() {
        return api.list(Event.class, "default").items();
    }

    @Test
    @DisplayName("an event is written as an Event object about the pod, in the pod's namespace, with its source")
    void writesAnEvent() {
        recorder.event(pod, Event.TYPE_NORMAL, "Pulling", "Pulling image \"nginx\"");
        loop.settle();

        Event e = stored().get(0);
        assertThat(e.involvedObject().kind()).isEqualTo("Pod");
        assertThat(e.involvedObject().uid()).isEqualTo(pod.metadata().uid());
        assertThat(e.reason()).isEqualTo("Pulling");
        assertThat(e.source().component()).isEqualTo("kubelet");
        assertThat(e.source().host()).isEqualTo("node-1");
        assertThat(e.count()).isEqualTo(1);
        assertThat(e.name()).startsWith("web.");
    }

    @Test
    @DisplayName("a repeat within ten minutes raises count and lastTimestamp of the same Event")
    void foldsRepeats() {
        recorder.event(pod, Event.TYPE_WARNING, "BackOff", "Back-off restarting failed container");
        loop.settle();
        loop.advance(Duration.ofSeconds(40));
        recorder.event(pod, Event.TYPE_WARNING, "BackOff", "Back-off restarting failed container");
        loop.settle();

        assertThat(stored()).singleElement().satisfies(e -> {
            assertThat(e.count()).isEqualTo(2);
            assertThat(e.lastTimestamp()).isEqualTo(e.firstTimestamp().plusSeconds(40));
        });
        assertThat(seen).extracting(Event::count).containsExactly(1, 2); // watchers see each occurrence
    }

    @Test
    @DisplayName("the same reason with another message is another Event; so is a repeat after ten minutes")
    void separateEvents() {
        recorder.event(pod, Event.TYPE_NORMAL, "Pulled", "first");
        recorder.event(pod, Event.TYPE_NORMAL, "Pulled", "second");
        loop.settle();
        loop.advance(Duration.ofMinutes(11));
        recorder.event(pod, Event.TYPE_NORMAL, "Pulled", "first");
        loop.settle();

        assertThat(stored()).hasSize(3).extracting(Event::name).doesNotHaveDuplicates();
    }
}
