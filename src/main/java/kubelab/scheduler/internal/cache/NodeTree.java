package kubelab.scheduler.internal.cache;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Node;

/**
 * The node names grouped by zone, listed zone by zone in turn (the first node of each zone, then
 * the second of each, ...), so that when the scheduler looks at only some of the nodes, it still
 * sees every zone.
 *
 * <p>The zone key is the node's region and zone labels ({@code topology.kubernetes.io/region},
 * {@code topology.kubernetes.io/zone}); nodes without them share the zone "". Zones keep the
 * order in which they first appeared, nodes the order in which they were added.
 *
 * <p>Real Kubernetes: {@code nodeTree} in {@code pkg/scheduler/backend/cache/node_tree.go}.
 */
final class NodeTree {
    static final String LABEL_TOPOLOGY_ZONE = "topology.kubernetes.io/zone";
    static final String LABEL_TOPOLOGY_REGION = "topology.kubernetes.io/region";

    private final Map<String, List<String>> tree = new LinkedHashMap<>();
    private int numNodes;

    static String zoneKey(Node node) {
        Map<String, String> labels = node.metadata().labels();
        String region = labels.getOrDefault(LABEL_TOPOLOGY_REGION, "");
        String zone = labels.getOrDefault(LABEL_TOPOLOGY_ZONE, "");
        return region.isEmpty() && zone.isEmpty() ? "" : region + ":\u0000:" + zone;
    }

    void addNode(Node node) {
        List<String> names = tree.computeIfAbsent(zoneKey(node), z -> new ArrayList<>());
        if (!names.contains(node.metadata().name())) {
            names.add(node.metadata().name());
            numNodes++;
        }
    }

    void removeNode(Node node) {
        String zone = zoneKey(node);
        List<String> names = tree.get(zone);
        if (names != null && names.remove(node.metadata().name())) {
            numNodes--;
            if (names.isEmpty()) {
                tree.remove(zone);
            }
        }
    }

    /** Whether the node moved to another zone; if so it is moved in the tree. */
    boolean updateNode(Node oldNode, Node newNode) {
        if (zoneKey(oldNode).equals(zoneKey(newNode))) {
            return false;
        }
        removeNode(oldNode);
        addNode(newNode);
        return true;
    }

    int numNodes() {
        return numNodes;
    }

    /** Every node name, interleaving the zones. O(nodes). */
    List<String> list() {
        List<String> out = new ArrayList<>(numNodes);
        List<List<String>> zones = new ArrayList<>(tree.values());
        for (int i = 0; out.size() < numNodes; i++) {
            for (List<String> zone : zones) {
                if (i < zone.size()) {
                    out.add(zone.get(i));
                }
            }
        }
        return out;
    }
}
