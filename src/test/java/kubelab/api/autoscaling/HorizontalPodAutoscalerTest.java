package kubelab.api.autoscaling;

import static kubelab.api.core.ExampleManifests.patchStrategy;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import kubelab.api.ResourceType;
import kubelab.api.Scheme;
import kubelab.api.core.ExampleManifests;
import kubelab.api.serialization.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** HorizontalPodAutoscalers read and print as Kubernetes does. */
@Tag("chapter1")
class HorizontalPodAutoscalerTest {

    @Test
    @DisplayName("an autoscaler keeps its target, every metric kind, its behaviour and its status")
    void roundTrip() {
        HorizontalPodAutoscaler hpa = ExampleManifests.assertRoundTrips(ExampleManifests.yaml("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata: {name: php-apache, namespace: default}
                spec:
                  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: php-apache}
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource: {name: cpu, target: {type: Utilization, averageUtilization: 50}}
                  - type: ContainerResource
                    containerResource: {name: memory, container: app, target: {type: AverageValue, averageValue: 500Mi}}
                  - type: Pods
                    pods:
                      metric: {name: packets-per-second}
                      target: {type: AverageValue, averageValue: 1k}
                  - type: Object
                    object:
                      metric: {name: requests-per-second}
                      describedObject: {apiVersion: networking.k8s.io/v1, kind: Ingress, name: main-route}
                      target: {type: Value, value: 10k}
                  - type: External
                    external:
                      metric:
                        name: queue_messages_ready
                        selector: {matchLabels: {queue: worker_tasks}}
                      target: {type: AverageValue, averageValue: "30"}
                  behavior:
                    scaleDown:
                      stabilizationWindowSeconds: 300
                      policies: [{type: Percent, value: 100, periodSeconds: 15}]
                    scaleUp:
                      stabilizationWindowSeconds: 0
                      selectPolicy: Max
                      tolerance: 50m
                      policies:
                      - {type: Percent, value: 100, periodSeconds: 15}
                      - {type: Pods, value: 4, periodSeconds: 15}
                status:
                  observedGeneration: 1
                  lastScaleTime: "2026-01-01T00:05:00Z"
                  currentReplicas: 1
                  desiredReplicas: 4
                  currentMetrics:
                  - type: Resource
                    resource: {name: cpu, current: {averageUtilization: 250, averageValue: 500m}}
                  conditions:
                  - {type: AbleToScale, status: "True", reason: SucceededRescale,
                     message: the HPA controller was able to update the target scale to 4,
                     lastTransitionTime: "2026-01-01T00:05:00Z"}
                """), HorizontalPodAutoscaler.class);

        MetricSpec cpu = hpa.spec().metrics().get(0);
        assertThat(cpu.type()).isEqualTo(MetricSourceType.RESOURCE);
        assertThat(cpu.resource().target().averageUtilization()).isEqualTo(50);
        assertThat(hpa.spec().metrics()).extracting(MetricSpec::type).containsExactly(
                "Resource", "ContainerResource", "Pods", "Object", "External");
        assertThat(hpa.spec().behavior().scaleUp().policies()).extracting(HPAScalingPolicy::type)
                .containsExactly(HPAScalingPolicy.PERCENT, HPAScalingPolicy.PODS);
        assertThat(hpa.status().desiredReplicas()).isEqualTo(4);
        assertThat(hpa.status().currentMetrics().get(0).resource().current().averageUtilization()).isEqualTo(250);
    }

    @Test
    @DisplayName("what kubectl autoscale --cpu-percent=50 --min=1 --max=10 asks for prints as the real object")
    void prints() {
        HorizontalPodAutoscaler hpa = HorizontalPodAutoscaler.of("default", "php-apache",
                new HorizontalPodAutoscalerSpec(new CrossVersionObjectReference("Deployment", "php-apache", "apps/v1"),
                        1, 10, List.of(MetricSpec.resource("cpu", MetricTarget.utilization(50))), null));

        assertThat(Json.toYaml(hpa)).isEqualTo("""
                apiVersion: autoscaling/v2
                kind: HorizontalPodAutoscaler
                metadata:
                  name: php-apache
                  namespace: default
                spec:
                  scaleTargetRef:
                    kind: Deployment
                    name: php-apache
                    apiVersion: apps/v1
                  minReplicas: 1
                  maxReplicas: 10
                  metrics:
                  - type: Resource
                    resource:
                      name: cpu
                      target:
                        type: Utilization
                        averageUtilization: 50
                """);
    }

    @Test
    @DisplayName("conditions merge by type; hpa names the autoscaler, which is in 'all' with a status subresource")
    void patchAndRegistration() {
        assertThat(patchStrategy(HorizontalPodAutoscalerStatus.class, "conditions")).isEqualTo("merge/type");
        assertThat(patchStrategy(HorizontalPodAutoscalerSpec.class, "metrics")).isEmpty();
        Scheme scheme = new Scheme(AutoscalingV2.resourceTypes());
        assertThat(scheme.byName("hpa")).map(ResourceType::apiVersion).contains("autoscaling/v2");
        ResourceType hpa = scheme.of(HorizontalPodAutoscaler.class);
        assertThat(hpa.categories()).containsExactly("all");
        assertThat(hpa.hasStatus()).isTrue();
    }
}
