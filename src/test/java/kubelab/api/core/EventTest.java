package kubelab.api.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import kubelab.api.meta.MicroTime;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Events keep both the old (source, timestamps, count) and the new (eventTime, series, reporting) fields. */
@Tag("chapter1")
class EventTest {

    @Test
    @DisplayName("a scheduler event as the API server returns it keeps every field, eventTime to the microsecond")
    void schedulerEvent() {
        Event ev = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Event
                metadata: {name: nginx.17a2b3c4d5e6f708, namespace: default}
                involvedObject: {apiVersion: v1, kind: Pod, name: nginx, namespace: default,
                  uid: 5d1e0000-0000-4000-8000-000000000000, resourceVersion: "400"}
                reason: Scheduled
                message: Successfully assigned default/nginx to node-1
                source: {}
                type: Normal
                eventTime: "2026-01-01T00:00:01.250000Z"
                action: Binding
                reportingComponent: default-scheduler
                reportingInstance: default-scheduler-control-plane
                """), Event.class);

        assertThat(ev.type()).isEqualTo(Event.TYPE_NORMAL);
        assertThat(ev.eventTime().time()).isEqualTo(Instant.parse("2026-01-01T00:00:01.250Z"));
        assertThat(ev.involvedObject().kind()).isEqualTo("Pod");
        assertThat(ev.source()).as("an empty source is kept, as Kubernetes prints it").isNotNull();
    }

    @Test
    @DisplayName("a kubelet event folds repeats into a count and a last timestamp")
    void repeatedEvent() {
        Event ev = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: v1
                kind: Event
                metadata: {name: liveness-exec.17a2, namespace: default}
                involvedObject: {apiVersion: v1, kind: Pod, name: liveness-exec, namespace: default,
                  fieldPath: "spec.containers{liveness}"}
                reason: Unhealthy
                message: "Liveness probe failed: cat: can't open '/tmp/healthy': No such file or directory"
                source: {component: kubelet, host: node-1}
                firstTimestamp: "2026-01-01T00:00:36Z"
                lastTimestamp: "2026-01-01T00:00:46Z"
                count: 3
                type: Warning
                """), Event.class);

        Event again = ev.withRepeat(Instant.parse("2026-01-01T00:00:51Z"));

        assertThat(again.count()).isEqualTo(4);
        assertThat(again.lastTimestamp()).isEqualTo(Instant.parse("2026-01-01T00:00:51Z"));
        assertThat(again.firstTimestamp()).isEqualTo(ev.firstTimestamp());
        assertThat(ev.count()).as("the original is unchanged").isEqualTo(3);
    }

    @Test
    @DisplayName("eventTime prints with six fractional digits, as metav1.MicroTime does")
    void microTimePrints() {
        Event ev = new Event(null, null, null, null, "Started", null, null, null, null, null, Event.TYPE_NORMAL,
                MicroTime.of(Instant.parse("2026-01-01T00:00:01Z")), null, null, null, null, null);

        assertThat(Json.toTree(ev).path("eventTime").asText()).isEqualTo("2026-01-01T00:00:01.000000Z");
    }
}
