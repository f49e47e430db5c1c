package kubelab.scheduler.internal.cache;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.scheduler.framework.NodeInfo;

/**
 * The scheduler's frozen view of the nodes for one scheduling cycle: a copy of every NodeInfo, in
 * the node tree's zone-interleaved order, so that the cycle sees one consistent cluster while
 * informers keep changing the cache.
 *
 * <p>It is refreshed, not rebuilt: {@link Cache#updateSnapshot} copies only the NodeInfos changed
 * since the snapshot's {@link #generation()}, and rebuilds the list only when nodes were added,
 * removed or moved zone.
 *
 * <p>Real Kubernetes: {@code Snapshot} in {@code pkg/scheduler/backend/cache/snapshot.go}.
 */
public final class Snapshot {
    final Map<String, NodeInfo> nodeInfoMap = new HashMap<>();
    final List<NodeInfo> nodeInfoList = new ArrayList<>();
    final Map<String, Integer> index = new HashMap<>();
    long generation;
    long treeVersion = -1;

    /** Every node, zone-interleaved. Read-only. */
    public List<NodeInfo> list() {
        return Collections.unmodifiableList(nodeInfoList);
    }

    public NodeInfo get(String nodeName) {
        return nodeInfoMap.get(nodeName);
    }

    public int numNodes() {
        return nodeInfoList.size();
    }

    /** The cache generation this snapshot reflects. */
    public long generation() {
        return generation;
    }

    /** Replaces one node's copy in place (the list keeps its order). */
    void put(String name, NodeInfo info) {
        nodeInfoMap.put(name, info);
        Integer i = index.get(name);
        if (i != null) {
            nodeInfoList.set(i, info);
        }
    }

    /** Rebuilds the list in the tree's order, dropping nodes the tree no longer has. */
    void relist(List<String> order) {
        nodeInfoMap.keySet().retainAll(order);
        nodeInfoList.clear();
        index.clear();
        for (String name : order) {
            NodeInfo info = nodeInfoMap.get(name);
            if (info != null) {
                index.put(name, nodeInfoList.size());
                nodeInfoList.add(info);
            }
        }
    }
}
