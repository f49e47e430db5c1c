package kubelab.server;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import kubelab.api.serialization.Json;
import kubelab.apiserver.auth.AuditEvent;
import kubelab.cluster.Cluster;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * A notebook's cluster served to the real kubectl while the notebook's thread pumps it. The tests
 * that run kubectl are skipped on a machine without it on the PATH.
 */
@Tag("chapter1")
@DisplayName("A notebook serves its own cluster over HTTPS")
class LocalServeTest {
    static Cluster cluster;
    static LocalServe serve;

    @BeforeAll
    static void start() throws Exception {
        cluster = Cluster.builder().nodes(2).build();
        serve = LocalServe.start(cluster);
    }

    @AfterAll
    static void stop() throws Exception {
        serve.close();
    }

    private static void needKubectl() {
        Assumptions.assumeTrue(serve.hasKubectl(), "kubectl is not on the PATH");
    }

    @Test
    @DisplayName("kubectl run from the notebook's thread sees the notebook's own cluster, and the cluster is the notebook's again after")
    void kubectlGetNodes() throws Exception {
        needKubectl();
        String nodes = serve.kubectl("get nodes");
        assertThat(nodes).contains("NAME", "STATUS", "node-1", "node-2", "Ready");

        String applied = serve.apply("""
                apiVersion: v1
                kind: Pod
                metadata: {name: from-kubectl, labels: {app: web}}
                spec:
                  containers: [{name: web, image: nginx:1.14.2}]
                """);
        assertThat(applied).contains("pod/from-kubectl created");
        cluster.settle();   // between kubectl runs the notebook drives the cluster
        assertThat(cluster.pod("default", "from-kubectl").status().phase()).isEqualTo("Running");
        assertThat(serve.kubectl("get pods -o wide")).contains("from-kubectl", "Running", "IP", "NODE");
    }

    @Test
    @DisplayName("requests over HTTP are audited: authentication, then RBAC, then admission and storage")
    void audited() throws Exception {
        needKubectl();
        serve.kubectl("create configmap audited --from-literal=k=v");
        List<AuditEvent> requests = serve.requests();
        AuditEvent create = requests.stream().filter(e -> e.verb().equals("create") && e.objectRef() != null
                && "audited".equals(e.objectRef().name())).findFirst().orElseThrow();
        String trace = cluster.handlerChain().trace(create);
        assertThat(trace).contains("authentication", "kubelab-admin", "authorization", "allow", "admission", "storage");
        assertThat(trace.indexOf("authentication")).isLessThan(trace.indexOf("authorization"));
        assertThat(trace.indexOf("authorization")).isLessThan(trace.indexOf("admission"));
    }

    @Test
    @DisplayName("a raw watch is JSON lines: ADDED for each object that exists")
    void rawWatch() throws Exception {
        cluster.apply("""
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: watched, namespace: default}
                data: {k: v}
                """);
        List<String> lines = serve.rawWatch("/api/v1/namespaces/default/configmaps?fieldSelector=metadata.name%3Dwatched", 1);
        JsonNode first = Json.mapper().readTree(lines.get(0));
        assertThat(first.path("type").asText()).isEqualTo("ADDED");
        assertThat(first.at("/object/metadata/name").asText()).isEqualTo("watched");
    }

    @Test
    @DisplayName("a watch from a list's resourceVersion sees the change made after the list, then what the scheduler and the kubelet did")
    void rawWatchFromList() throws Exception {
        List<String> lines = serve.rawWatch("/api/v1/namespaces/default/pods?labelSelector=app%3Dwatched", 3,
                c -> c.apply("""
                        apiVersion: v1
                        kind: Pod
                        metadata: {name: watched, labels: {app: watched}}
                        spec:
                          containers: [{name: web, image: nginx:1.14.2}]
                        """));
        assertThat(lines).hasSize(3);
        List<String> types = new java.util.ArrayList<>();
        for (String line : lines) {
            types.add(Json.mapper().readTree(line).path("type").asText());
        }
        assertThat(types).containsExactly("ADDED", "MODIFIED", "MODIFIED");
        assertThat(Json.mapper().readTree(lines.get(1)).at("/object/spec/nodeName").asText()).startsWith("node-");
    }
}
