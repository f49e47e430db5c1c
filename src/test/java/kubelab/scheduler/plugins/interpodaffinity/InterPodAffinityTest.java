package kubelab.scheduler.plugins.interpodaffinity;

import static kubelab.scheduler.framework.Manifests.node;
import static kubelab.scheduler.framework.Manifests.pod;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Pod;
import kubelab.scheduler.framework.CycleState;
import kubelab.scheduler.framework.NodeInfo;
import kubelab.scheduler.framework.Status;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class InterPodAffinityTest {
    private final InterPodAffinity plugin = new InterPodAffinity();

    private static NodeInfo host(String name, Pod... pods) {
        return NodeInfo.of(node("""
                metadata: {name: %s, labels: {kubernetes.io/hostname: %s}}
                """.formatted(name, name)), pods);
    }

    /** The documentation's redis-cache: at most one per node. */
    private static Pod cache(String name) {
        return pod("""
                metadata: {name: %s, namespace: default, labels: {app: store}}
                spec:
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchExpressions: [{key: app, operator: In, values: [store]}]
                        topologyKey: kubernetes.io/hostname
                  containers: [{name: redis-server, image: redis:3.2-alpine}]
                """.formatted(name));
    }

    /** The documentation's web-server: next to a cache, never next to another web-server. */
    private static Pod web(String name) {
        return pod("""
                metadata: {name: %s, namespace: default, labels: {app: web-store}}
                spec:
                  affinity:
                    podAntiAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchExpressions: [{key: app, operator: In, values: [web-store]}]
                        topologyKey: kubernetes.io/hostname
                    podAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector:
                          matchExpressions: [{key: app, operator: In, values: [store]}]
                        topologyKey: kubernetes.io/hostname
                  containers: [{name: web-app, image: nginx:1.16-alpine}]
                """.formatted(name));
    }

    private Map<String, Status> filterAll(Pod pod, List<NodeInfo> nodes) {
        CycleState state = new CycleState();
        assertThat(plugin.preFilter(state, pod, nodes).isSuccess()).isTrue();
        Map<String, Status> out = new LinkedHashMap<>();
        nodes.forEach(n -> out.put(n.nodeName(), plugin.filter(state, pod, n)));
        return out;
    }

    @Test
    @DisplayName("pod anti-affinity on hostname keeps a second cache off the node that has one")
    void antiAffinity() {
        List<NodeInfo> nodes = List.of(host("node-1", cache("cache-1")), host("node-2"));

        Map<String, Status> statuses = filterAll(cache("cache-2"), nodes);

        assertThat(statuses.get("node-1").code()).isEqualTo(Status.Code.Unschedulable);
        assertThat(statuses.get("node-1").reasons()).containsExactly("node(s) didn't match pod anti-affinity rules");
        assertThat(statuses.get("node-2").isSuccess()).isTrue();
    }

    @Test
    @DisplayName("pod affinity puts a web server only where a cache already runs")
    void affinity() {
        List<NodeInfo> nodes = List.of(host("node-1", cache("cache-1")), host("node-2"));

        Map<String, Status> statuses = filterAll(web("web-1"), nodes);

        assertThat(statuses.get("node-1").isSuccess()).isTrue();
        assertThat(statuses.get("node-2").code()).isEqualTo(Status.Code.UnschedulableAndUnresolvable);
        assertThat(statuses.get("node-2").reasons()).containsExactly("node(s) didn't match pod affinity rules");
    }

    @Test
    @DisplayName("an existing pod's anti-affinity keeps matching newcomers away, even ones without rules")
    void existingAntiAffinityIsSymmetric() {
        Pod plainStore = pod("""
                metadata: {name: plain, namespace: default, labels: {app: store}}
                spec: {containers: [{name: app, image: redis}]}
                """);

        Map<String, Status> statuses = filterAll(plainStore, List.of(host("node-1", cache("cache-1")), host("node-2")));

        assertThat(statuses.get("node-1").reasons())
                .containsExactly("node(s) didn't satisfy existing pods anti-affinity rules");
        assertThat(statuses.get("node-2").isSuccess()).isTrue();
    }

    @Test
    @DisplayName("the first pod of a group that wants to be together may go anywhere")
    void firstOfGroup() {
        Pod together = pod("""
                metadata: {name: first, namespace: default, labels: {app: together}}
                spec:
                  affinity:
                    podAffinity:
                      requiredDuringSchedulingIgnoredDuringExecution:
                      - labelSelector: {matchLabels: {app: together}}
                        topologyKey: kubernetes.io/hostname
                  containers: [{name: app, image: nginx}]
                """);

        assertThat(filterAll(together, List.of(host("node-1"), host("node-2"))).values())
                .allMatch(Status::isSuccess);
    }

    @Test
    @DisplayName("pods in other namespaces do not count unless the term names their namespace")
    void namespaces() {
        Pod otherNamespaceCache = pod("""
                metadata: {name: cache-x, namespace: other, labels: {app: store}}
                spec: {containers: [{name: redis, image: redis}]}
                """);

        Map<String, Status> statuses = filterAll(cache("cache-2"), List.of(host("node-1", otherNamespaceCache)));

        assertThat(statuses.get("node-1").isSuccess()).isTrue();
    }

    @Test
    @DisplayName("a pod with no pod affinity on a cluster without anti-affinity skips the plugin")
    void skip() {
        assertThat(plugin.preFilter(new CycleState(), pod("web", null, null), List.of(host("node-1"))).isSkip())
                .isTrue();
    }
}
