package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kubelab.api.core.Node;
import kubelab.api.meta.KubeObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class CorePrintersTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static List<String> lines(List<? extends KubeObject> objs, boolean wide) {
        return TablePrinter.lines(Printers.table(objs, NOW, wide));
    }

    private static Node node(String name, String labels, String unschedulable, String conditions) {
        return Manifests.decode("""
                apiVersion: v1
                kind: Node
                metadata: {name: %s, labels: {%s}, creationTimestamp: "2026-11-25T09:00:00Z"}
                spec: {unschedulable: %s}
                status:
                  conditions: [%s]
                  addresses: [{type: InternalIP, address: 172.18.0.2}, {type: Hostname, address: %s}]
                  nodeInfo: {kubeletVersion: v1.34.0, osImage: Debian GNU/Linux 12 (bookworm),
                             kernelVersion: 6.8.0-45-generic, containerRuntimeVersion: "containerd://2.1.1"}
                """.formatted(name, labels, unschedulable, conditions, name));
    }

    @Test
    @DisplayName("a node's STATUS comes from its Ready condition, with SchedulingDisabled when cordoned")
    void nodes() {
        List<Node> nodes = List.of(
                node("control-plane", "node-role.kubernetes.io/control-plane: ''", "false",
                        "{type: Ready, status: \"True\"}"),
                node("worker-1", "kubernetes.io/hostname: worker-1", "true", "{type: Ready, status: \"True\"}"),
                node("worker-2", "", "false", "{type: MemoryPressure, status: \"False\"}, {type: Ready, status: \"False\"}"),
                node("worker-3", "", "false", ""));
        assertThat(lines(nodes, false)).containsExactly(
                "NAME            STATUS                     ROLES           AGE    VERSION",
                "control-plane   Ready                      control-plane   2d3h   v1.34.0",
                "worker-1        Ready,SchedulingDisabled   <none>          2d3h   v1.34.0",
                "worker-2        NotReady                   <none>          2d3h   v1.34.0",
                "worker-3        Unknown                    <none>          2d3h   v1.34.0");
    }

    @Test
    @DisplayName("-o wide adds a node's addresses and system info; a missing external IP reads <none>")
    void nodeWide() {
        Node n = node("worker-1", "node-role.kubernetes.io/worker: '', kubernetes.io/role: edge", "false",
                "{type: Ready, status: \"True\"}");
        assertThat(lines(List.of(n), true)).containsExactly(
                "NAME       STATUS   ROLES         AGE    VERSION   INTERNAL-IP   EXTERNAL-IP   OS-IMAGE                         "
                        + "KERNEL-VERSION     CONTAINER-RUNTIME",
                "worker-1   Ready    edge,worker   2d3h   v1.34.0   172.18.0.2    <none>        Debian GNU/Linux 12 (bookworm)   "
                        + "6.8.0-45-generic   containerd://2.1.1");
    }

    @Test
    @DisplayName("services show their type, cluster IP, external IP and ports as kubectl does")
    void services() {
        List<KubeObject> svcs = List.of(
                Manifests.decode("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: kubernetes, namespace: default, creationTimestamp: "2026-11-20T12:00:00Z"}
                        spec: {type: ClusterIP, clusterIP: 10.96.0.1, clusterIPs: [10.96.0.1],
                               ports: [{name: https, port: 443, protocol: TCP, targetPort: 6443}]}
                        """),
                Manifests.decode("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                        spec: {type: NodePort, clusterIPs: [10.96.45.7], selector: {app: web, tier: front},
                               ports: [{port: 80, nodePort: 30080, protocol: TCP}, {port: 53, nodePort: 30053, protocol: UDP}]}
                        """),
                Manifests.decode("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: lb, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                        spec: {type: LoadBalancer, clusterIPs: [10.96.8.8], ports: [{port: 80, nodePort: 31000, protocol: TCP}]}
                        """),
                Manifests.decode("""
                        apiVersion: v1
                        kind: Service
                        metadata: {name: db, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                        spec: {type: ExternalName, externalName: db.example.com}
                        """));
        assertThat(lines(svcs, true)).containsExactly(
                "NAME         TYPE           CLUSTER-IP   EXTERNAL-IP      PORT(S)                     AGE   SELECTOR",
                "kubernetes   ClusterIP      10.96.0.1    <none>           443/TCP                     7d    <none>",
                "web          NodePort       10.96.45.7   <none>           80:30080/TCP,53:30053/UDP   60m   app=web,tier=front",
                "lb           LoadBalancer   10.96.8.8    <pending>        80:31000/TCP                60m   <none>",
                "db           ExternalName   <none>       db.example.com   <none>                      60m   <none>");
    }

    @Test
    @DisplayName("a load balancer's EXTERNAL-IP is its ingress IP once the cloud has given one")
    void loadBalancerIngress() {
        KubeObject lb = Manifests.decode("""
                apiVersion: v1
                kind: Service
                metadata: {name: lb, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                spec: {type: LoadBalancer, clusterIPs: [10.96.8.8], ports: [{port: 80, nodePort: 31000, protocol: TCP}]}
                status: {loadBalancer: {ingress: [{ip: 203.0.113.10}, {hostname: lb.example.com}]}}
                """);
        assertThat(Printers.table(List.of(lb), NOW).rows().get(0).cells().get(3))
                .isEqualTo("203.0.113.10,lb.example.com");
    }

    @Test
    @DisplayName("namespaces, config maps and secrets show their phase, their number of keys and their type")
    void namespaceConfigMapSecret() {
        assertThat(lines(List.of(Manifests.decode("""
                apiVersion: v1
                kind: Namespace
                metadata: {name: kube-system, creationTimestamp: "2026-11-20T12:00:00Z"}
                status: {phase: Active}
                """)), false)).containsExactly("NAME          STATUS   AGE", "kube-system   Active   7d");
        assertThat(lines(List.of(Manifests.decode("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: game-config, namespace: default, creationTimestamp: "2026-11-27T11:59:00Z"}
                data: {game.properties: "lives=3", ui.properties: "color=blue"}
                binaryData: {logo.png: aGVsbG8=}
                """)), false)).containsExactly("NAME          DATA   AGE", "game-config   3      60s");
        assertThat(lines(List.of(Manifests.decode("""
                apiVersion: v1
                kind: Secret
                metadata: {name: db-pass, namespace: default, creationTimestamp: "2026-11-27T11:59:00Z"}
                type: Opaque
                data: {username: YWRtaW4=, password: czNjcjN0}
                """)), false)).containsExactly("NAME      TYPE     DATA   AGE", "db-pass   Opaque   2      60s");
    }

    @Test
    @DisplayName("kubectl get events shows LAST SEEN, TYPE, REASON, OBJECT and MESSAGE")
    void events() {
        List<KubeObject> events = List.of(
                Manifests.decode("""
                        apiVersion: v1
                        kind: Event
                        metadata: {name: web.1, namespace: default, creationTimestamp: "2026-11-27T11:59:00Z"}
                        involvedObject: {kind: Pod, name: web, namespace: default}
                        reason: Scheduled
                        message: Successfully assigned default/web to node-1
                        source: {component: default-scheduler}
                        type: Normal
                        firstTimestamp: "2026-11-27T11:59:00Z"
                        lastTimestamp: "2026-11-27T11:59:00Z"
                        count: 1
                        """),
                Manifests.decode("""
                        apiVersion: v1
                        kind: Event
                        metadata: {name: web.2, namespace: default, creationTimestamp: "2026-11-27T11:59:10Z"}
                        involvedObject: {kind: Pod, name: web, namespace: default, fieldPath: "spec.containers{web}"}
                        reason: BackOff
                        message: "Back-off restarting failed container web in pod web_default(1234)\\n"
                        source: {component: kubelet, host: node-1}
                        type: Warning
                        firstTimestamp: "2026-11-27T11:59:10Z"
                        lastTimestamp: "2026-11-27T11:59:50Z"
                        count: 4
                        """));
        assertThat(lines(events, false)).containsExactly(
                "LAST SEEN   TYPE      REASON      OBJECT    MESSAGE",
                "60s         Normal    Scheduled   pod/web   Successfully assigned default/web to node-1",
                "10s         Warning   BackOff     pod/web   Back-off restarting failed container web in pod web_default(1234)");
        assertThat(Printers.table(events, NOW).rows().get(1).cells()).containsExactly("10s", "Warning", "BackOff",
                "pod/web", "spec.containers{web}", "kubelet, node-1",
                "Back-off restarting failed container web in pod web_default(1234)", "50s", "4", "web.2");
    }

    @Test
    @DisplayName("an event of the new API without firstTimestamp or count reads its eventTime and counts 1")
    void newStyleEvent() {
        KubeObject e = Manifests.decode("""
                apiVersion: v1
                kind: Event
                metadata: {name: web.3, namespace: default}
                involvedObject: {kind: Node, name: node-1}
                reason: NodeReady
                message: Node node-1 status is now NodeReady
                reportingComponent: kubelet
                reportingInstance: node-1
                type: Normal
                eventTime: "2026-11-27T11:58:30.000000Z"
                """);
        assertThat(Printers.table(List.of(e), NOW).rows().get(0).cells()).containsExactly("90s", "Normal",
                "NodeReady", "node/node-1", "", "kubelet, node-1", "Node node-1 status is now NodeReady", "90s", "1",
                "web.3");
    }

    @Test
    @DisplayName("a kind without a printer of its own shows NAME and AGE")
    void generic() {
        KubeObject lease = Manifests.decode("""
                apiVersion: coordination.k8s.io/v1
                kind: Lease
                metadata: {name: node-1, namespace: kube-node-lease, creationTimestamp: "2026-11-27T11:00:00Z"}
                spec: {holderIdentity: node-1}
                """);
        assertThat(lines(List.of(lease), true)).containsExactly("NAME     AGE", "node-1   60m");
    }
}
