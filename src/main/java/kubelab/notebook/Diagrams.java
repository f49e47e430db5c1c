package kubelab.notebook;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.Pod;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.OwnerReference;
import kubelab.cluster.Cluster;
import kubelab.cluster.RecordedEvent;
import kubelab.cluster.SimNode;
import kubelab.cluster.Timeline;

/**
 * Mermaid diagrams drawn from a live cluster, for notebooks: where the pods run, the life of one
 * pod as the components told it, and who owns whom. Each is a {@link Diagram}, which a notebook
 * shows as a picture (as a cell's value, or through {@link Display#mermaid}).
 *
 * <p>Real Kubernetes: none; course tooling. Each diagram reads only what {@code kubectl get} or
 * {@code kubectl get events} would show.
 */
public final class Diagrams {
    private Diagrams() {
    }

    /** The nodes, each with the pods bound to it (and its status), and the pods not yet placed. */
    public static Diagram topology(Cluster cluster) {
        StringBuilder m = new StringBuilder("flowchart TB\n");
        Map<String, List<Pod>> byNode = new LinkedHashMap<>();
        cluster.nodes().forEach(n -> byNode.put(n.name(), new ArrayList<>()));
        List<Pod> pending = new ArrayList<>();
        for (Pod pod : cluster.api().list(Pod.class, null).items()) {
            String node = pod.spec().nodeName();
            if (node == null || node.isEmpty() || !byNode.containsKey(node)) {
                pending.add(pod);
            } else {
                byNode.get(node).add(pod);
            }
        }
        for (SimNode node : cluster.nodes()) {
            m.append("  subgraph ").append(id("node", node.name())).append("[\"node ").append(node.name())
                    .append(node.isRunning() ? "" : " (stopped)").append("\"]\n");
            for (Pod pod : byNode.get(node.name())) {
                m.append("    ").append(podBox(pod)).append('\n');
            }
            m.append("  end\n");
        }
        if (!pending.isEmpty()) {
            m.append("  subgraph pending[\"not scheduled\"]\n");
            pending.forEach(pod -> m.append("    ").append(podBox(pod)).append('\n'));
            m.append("  end\n");
        }
        return new Diagram(m.toString());
    }

    /** The Events about one object ({@code pod/nginx}) as a sequence from each reporting component to it. */
    public static Diagram life(Timeline timeline, String object) {
        List<RecordedEvent> events = timeline.about(object);
        Set<String> sources = new LinkedHashSet<>();
        events.forEach(e -> sources.add(e.source()));
        StringBuilder m = new StringBuilder("sequenceDiagram\n");
        sources.forEach(s -> m.append("  participant ").append(id("c", s)).append(" as ").append(s).append('\n'));
        m.append("  participant obj as ").append(object).append('\n');
        for (RecordedEvent e : events) {
            m.append("  ").append(id("c", e.source())).append("->>obj: ").append(Timeline.formatOffset(e.at()))
                    .append(' ').append(e.reason()).append(": ").append(text(e.message(), 70)).append('\n');
        }
        return new Diagram(m.toString());
    }

    /** Deployments, their ReplicaSets and their Pods in a namespace, joined by ownerReferences. */
    public static Diagram ownership(Cluster cluster, String namespace) {
        StringBuilder m = new StringBuilder("flowchart LR\n");
        List<KubeObject> objects = new ArrayList<>();
        objects.addAll(cluster.api().list(Deployment.class, namespace).items());
        objects.addAll(cluster.api().list(ReplicaSet.class, namespace).items());
        objects.addAll(cluster.api().list(Pod.class, namespace).items());
        Map<String, KubeObject> byUid = new LinkedHashMap<>();
        objects.forEach(o -> byUid.put(o.metadata().uid(), o));
        for (KubeObject o : objects) {
            m.append("  ").append(id("o", o.metadata().uid())).append("[\"").append(o.kind().toLowerCase())
                    .append('/').append(o.name()).append("\"]\n");
        }
        for (KubeObject o : objects) {
            for (OwnerReference ref : o.metadata().ownerReferences()) {
                if (byUid.containsKey(ref.uid())) {
                    m.append("  ").append(id("o", ref.uid())).append(" --> ").append(id("o", o.metadata().uid()))
                            .append('\n');
                }
            }
        }
        return new Diagram(m.toString());
    }

    private static String podBox(Pod pod) {
        String phase = pod.status() == null || pod.status().phase() == null ? "Pending" : pod.status().phase();
        return id("pod", pod.namespace() + "/" + pod.name()) + "[\"" + pod.name() + "<br/>" + phase + "\"]";
    }

    /** A Mermaid-safe id: letters, digits and underscores only. */
    private static String id(String prefix, String name) {
        return prefix + "_" + name.replaceAll("[^A-Za-z0-9]", "_");
    }

    /** One line, without the characters that end a Mermaid message, cut to {@code max}. */
    private static String text(String s, int max) {
        String t = s.strip().replace('\n', ' ').replace(";", ",").replace("#", "");
        return t.length() <= max ? t : t.substring(0, max - 1) + "…";
    }
}
