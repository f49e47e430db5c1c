package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kubelab.api.batch.Job;
import kubelab.api.meta.KubeObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

@Tag("chapter1")
class WorkloadPrintersTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static final String TEMPLATE = """
              selector: {matchLabels: {app: web}}
              template:
                metadata: {labels: {app: web}}
                spec: {containers: [{name: web, image: nginx}, {name: log, image: busybox}]}
            """;

    private static List<String> lines(KubeObject obj, boolean wide) {
        return TablePrinter.lines(Printers.table(List.of(obj), NOW, wide));
    }

    @Test
    @DisplayName("a Deployment shows READY as ready/desired, and -o wide adds containers, images and selector")
    void deployment() {
        KubeObject d = Manifests.decode("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T09:00:00Z"}
                spec:
                  replicas: 3
                """ + TEMPLATE + """
                status: {replicas: 3, updatedReplicas: 3, readyReplicas: 2, availableReplicas: 2}
                """);
        assertThat(lines(d, false)).containsExactly(
                "NAME   READY   UP-TO-DATE   AVAILABLE   AGE",
                "web    2/3     3            2           3h");
        assertThat(lines(d, true)).containsExactly(
                "NAME   READY   UP-TO-DATE   AVAILABLE   AGE   CONTAINERS   IMAGES          SELECTOR",
                "web    2/3     3            2           3h    web,log      nginx,busybox   app=web");
    }

    @Test
    @DisplayName("a ReplicaSet and a ReplicationController show DESIRED, CURRENT and READY")
    void replicaSetAndController() {
        KubeObject rs = Manifests.decode("""
                apiVersion: apps/v1
                kind: ReplicaSet
                metadata: {name: web-5d4f8c7b9, namespace: default, creationTimestamp: "2026-11-27T11:58:01Z"}
                spec:
                  replicas: 3
                """ + TEMPLATE + """
                status: {replicas: 3, readyReplicas: 1}
                """);
        assertThat(lines(rs, true)).containsExactly(
                "NAME            DESIRED   CURRENT   READY   AGE    CONTAINERS   IMAGES          SELECTOR",
                "web-5d4f8c7b9   3         3         1       119s   web,log      nginx,busybox   app=web");
        KubeObject rc = Manifests.decode("""
                apiVersion: v1
                kind: ReplicationController
                metadata: {name: nginx, namespace: default, creationTimestamp: "2026-11-27T11:00:00Z"}
                spec:
                  replicas: 2
                  selector: {app: nginx, tier: web}
                  template:
                    metadata: {labels: {app: nginx, tier: web}}
                    spec: {containers: [{name: nginx, image: nginx:1.27}]}
                """);
        assertThat(lines(rc, true)).containsExactly(
                "NAME    DESIRED   CURRENT   READY   AGE   CONTAINERS   IMAGES       SELECTOR",
                "nginx   2         0         0       60m   nginx        nginx:1.27   app=nginx,tier=web");
    }

    @Test
    @DisplayName("a DaemonSet shows its counts per node and its NODE SELECTOR")
    void daemonSet() {
        KubeObject ds = Manifests.decode("""
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: kube-proxy, namespace: kube-system, creationTimestamp: "2026-11-20T12:00:00Z"}
                spec:
                  selector: {matchLabels: {k8s-app: kube-proxy}}
                  template:
                    metadata: {labels: {k8s-app: kube-proxy}}
                    spec:
                      nodeSelector: {kubernetes.io/os: linux}
                      containers: [{name: kube-proxy, image: registry.k8s.io/kube-proxy}]
                status: {desiredNumberScheduled: 3, currentNumberScheduled: 3, numberReady: 2,
                         updatedNumberScheduled: 3, numberAvailable: 2}
                """);
        assertThat(lines(ds, false)).containsExactly(
                "NAME         DESIRED   CURRENT   READY   UP-TO-DATE   AVAILABLE   NODE SELECTOR            AGE",
                "kube-proxy   3         3         2       3            2           kubernetes.io/os=linux   7d");
    }

    @Test
    @DisplayName("a StatefulSet shows READY as ready/desired; a missing status reads 0")
    void statefulSet() {
        KubeObject sts = Manifests.decode("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db, namespace: default, creationTimestamp: "2026-11-27T11:59:30Z"}
                spec:
                  replicas: 3
                  serviceName: db
                """ + TEMPLATE);
        assertThat(lines(sts, true)).containsExactly(
                "NAME   READY   AGE   CONTAINERS   IMAGES",
                "db     0/3     30s   web,log      nginx,busybox");
    }

    private static Job job(String spec, String status) {
        return Manifests.decode("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: pi, namespace: default, creationTimestamp: "2026-11-27T11:50:00Z"}
                spec:
                """ + spec.indent(2) + """
                  template:
                    spec:
                      restartPolicy: Never
                      containers: [{name: pi, image: perl}]
                status:
                """ + status.indent(2));
    }

    @Test
    @DisplayName("a finished Job shows Complete and how long it ran, from startTime to completionTime")
    void jobComplete() {
        Job j = job("completions: 1", """
                startTime: "2026-11-27T11:50:01Z"
                completionTime: "2026-11-27T11:50:35Z"
                succeeded: 1
                conditions: [{type: SuccessCriteriaMet, status: "True"}, {type: Complete, status: "True"}]
                """);
        assertThat(lines(j, false)).containsExactly(
                "NAME   STATUS     COMPLETIONS   DURATION   AGE",
                "pi     Complete   1/1           34s        10m");
    }

    @Test
    @DisplayName("a running Job's DURATION counts up to now")
    void jobRunning() {
        Job j = job("completions: 5\nparallelism: 2", """
                startTime: "2026-11-27T11:55:00Z"
                succeeded: 2
                active: 2
                """);
        assertThat(lines(j, false)).containsExactly(
                "NAME   STATUS    COMPLETIONS   DURATION   AGE",
                "pi     Running   2/5           5m         10m");
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource({"Failed, Failed", "Suspended, Suspended", "FailureTarget, FailureTarget"})
    @DisplayName("a Job's STATUS comes from its True conditions")
    void jobStatus(String condition, String expected) {
        Job j = job("backoffLimit: 1", "conditions: [{type: " + condition + ", status: \"True\"}]\n");
        Table t = Printers.table(List.of(j), NOW);
        assertThat(t.rows().get(0).cells().get(1)).isEqualTo(expected);
        assertThat(t.rows().get(0).cells().get(3)).as("no startTime, no DURATION").isEmpty();
    }

    @Test
    @DisplayName("a work-queue Job without completions shows succeeded/1 of its parallelism")
    void jobWorkQueue() {
        Job j = job("parallelism: 3", "succeeded: 0\n");
        assertThat(Printers.table(List.of(j), NOW).rows().get(0).cells().get(2)).isEqualTo("0/1 of 3");
        Job single = job("backoffLimit: 2", "succeeded: 0\n");
        assertThat(Printers.table(List.of(single), NOW).rows().get(0).cells().get(2)).isEqualTo("0/1");
    }

    @Test
    @DisplayName("a Job being deleted shows Terminating until it is Complete or Failed")
    void jobTerminating() {
        Job j = job("completions: 1", "active: 1\n");
        Job deleting = j.withMetadata(j.metadata().withDeletionTimestamp(NOW.minusSeconds(5)));
        assertThat(Printers.table(List.of(deleting), NOW).rows().get(0).cells().get(1)).isEqualTo("Terminating");
    }
}
