package kubelab.printers;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import kubelab.api.meta.KubeObject;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
class HorizontalPodAutoscalerPrinterTest {

    static final Instant NOW = Instant.parse("2026-11-27T12:00:00Z");

    private static KubeObject hpa(String metrics, String status) {
        return Manifests.decode("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: php-apache, namespace: default, creationTimestamp: "2026-11-27T11:58:30Z"}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                """ + metrics.indent(2) + "status:\n" + status.indent(2));
    }

    private static final String CPU_50 =
            "- {type: Resource, resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}}\n";

    @Test
    @DisplayName("before the first metrics arrive, TARGETS shows cpu: <unknown>/50%")
    void unknownTarget() {
        assertThat(TablePrinter.lines(Printers.table(List.of(hpa(CPU_50, "currentReplicas: 0\n")), NOW, false)))
                .containsExactly(
                        "NAME         REFERENCE               TARGETS              MINPODS   MAXPODS   REPLICAS   AGE",
                        "php-apache   Deployment/php-apache   cpu: <unknown>/50%   1         10        0          90s");
    }

    @Test
    @DisplayName("TARGETS shows the current utilization against the target: cpu: 250%/50%")
    void currentTarget() {
        KubeObject h = hpa(CPU_50, """
                currentReplicas: 1
                desiredReplicas: 5
                currentMetrics:
                - {type: Resource, resource: {name: cpu, current: {averageUtilization: 250, averageValue: 500m}}}
                """);
        assertThat(Printers.table(List.of(h), NOW).rows().get(0).cells())
                .containsExactly("php-apache", "Deployment/php-apache", "cpu: 250%/50%", "1", "10", "1", "90s");
    }

    @Test
    @DisplayName("TARGETS shows two metrics, then how many more there are")
    void moreMetrics() {
        KubeObject h = hpa(CPU_50 + """
                - {type: Resource, resource: {name: memory, target: {type: AverageValue, averageValue: 200Mi}}}
                - type: Pods
                  pods: {metric: {name: packets-per-second}, target: {type: AverageValue, averageValue: 1k}}
                """, """
                currentReplicas: 2
                currentMetrics:
                - {type: Resource, resource: {name: cpu, current: {averageUtilization: 40}}}
                - {type: Resource, resource: {name: memory, current: {averageValue: 100Mi}}}
                """);
        assertThat(Printers.table(List.of(h), NOW).rows().get(0).cells().get(2))
                .isEqualTo("cpu: 40%/50%, memory: 100Mi/200Mi + 1 more...");
    }

    @Test
    @DisplayName("an HPA without minReplicas shows MINPODS <unset>; without metrics, TARGETS <none>")
    void unset() {
        KubeObject h = Manifests.decode("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: web, namespace: default, creationTimestamp: "2026-11-27T11:58:30Z"}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: StatefulSet, name: web}
                  maxReplicas: 3
                """);
        assertThat(Printers.table(List.of(h), NOW).rows().get(0).cells())
                .containsExactly("web", "StatefulSet/web", "<none>", "<unset>", "3", "0", "90s");
    }
}
