package kubelab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintWriter;
import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.core.Container;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.cluster.Cluster;
import kubelab.cluster.Timeline;

/**
 * What {@code kubelab run} prints once the cluster has run: as text for people (what was applied,
 * the timeline, the tables), or as one JSON document for tools.
 *
 * <p>Real Kubernetes: the output of {@code kubectl apply}, {@code kubectl get events -A} and
 * {@code kubectl get ... -A -o wide}; the JSON is {@code kubectl get ... -o json} merged.
 */
final class RunReport {
    /** The tables printed after the timeline, in kubectl's names; nodes and pods always, the rest when present. */
    private static final List<String> TABLES = List.of("nodes -o wide", "pods -A -o wide", "deployments -A",
            "replicasets -A", "daemonsets -A", "statefulsets -A", "jobs -A", "horizontalpodautoscalers -A");

    private RunReport() {
    }

    static void text(PrintWriter out, Cluster cluster, List<String> applied, boolean settled, Duration limit) {
        out.println("Applied at 0s:");
        applied.forEach(out::println);
        out.println();
        out.println("Events:");
        out.print(cluster.timeline().render());
        out.println();
        String elapsed = Timeline.formatOffset(cluster.loop().elapsed());
        out.println(settled ? "Settled after " + elapsed + " of virtual time."
                : "Still running after " + elapsed + " of virtual time (--for " + Timeline.formatOffset(limit)
                        + "): something keeps changing, such as a container that sleeps, a restart back-off or a probe.");
        for (String table : TABLES) {
            String text = cluster.get(table);
            boolean always = table.startsWith("nodes") || table.startsWith("pods");
            if (always || !text.startsWith("No resources found")) {
                out.println();
                out.println("$ kubectl get " + table);
                out.print(text);
            }
        }
    }

    /** {@code {"objects": [...], "events": [...], "logs": {"ns/pod/container": "..."}}}. */
    static ObjectNode json(Cluster cluster) {
        ObjectNode root = Json.mapper().createObjectNode();
        ArrayNode objects = root.putArray("objects");
        for (ResourceType type : cluster.api().scheme().all()) {
            if (type.javaType() == Event.class) {
                continue;
            }
            for (KubeObject o : cluster.api().list(type.javaType(), null).items()) {
                objects.add(Json.toTree(o));
            }
        }
        ArrayNode events = root.putArray("events");
        cluster.api().list(Event.class, null).items().stream()
                .sorted(Comparator.comparing(Event::firstTimestamp).thenComparing(RunReport::nanosOfName))
                .forEach(e -> events.add(Json.toTree(e)));
        ObjectNode logs = root.putObject("logs");
        for (Pod pod : cluster.api().list(Pod.class, null).items()) {
            if (pod.spec().nodeName() == null || pod.spec().nodeName().isEmpty()) {
                continue;
            }
            for (Container c : pod.spec().allContainers()) {
                try {
                    logs.put(pod.namespace() + "/" + pod.name() + "/" + c.name(),
                            cluster.logs(pod.namespace(), pod.name(), c.name()));
                } catch (ApiException | IllegalArgumentException e) {
                    // Never started (still waiting, or its node is gone): no log to show.
                }
            }
        }
        return root;
    }

    /** Events made in the same instant keep their order: their names end in increasing hex nanoseconds. */
    private static long nanosOfName(Event e) {
        String name = e.name();
        try {
            return Long.parseUnsignedLong(name.substring(name.lastIndexOf('.') + 1), 16);
        } catch (NumberFormatException ex) {
            return 0;
        }
    }
}
