package kubelab.controller.podautoscaler;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import kubelab.api.Scheme;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.autoscaling.CrossVersionObjectReference;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.autoscaling.HorizontalPodAutoscalerBehavior;
import kubelab.api.autoscaling.HorizontalPodAutoscalerCondition;
import kubelab.api.autoscaling.HorizontalPodAutoscalerSpec;
import kubelab.api.autoscaling.HorizontalPodAutoscalerStatus;
import kubelab.api.autoscaling.MetricSpec;
import kubelab.api.autoscaling.MetricTarget;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Container;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodStatus;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.ResourceRequirements;
import kubelab.api.labels.Selector;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.client.InformerFactory;
import kubelab.client.ResourceEventHandler;
import kubelab.client.record.EventBroadcaster;
import kubelab.controller.replicaset.ReplicaSetController;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter1")
@DisplayName("The HorizontalPodAutoscaler controller")
class HorizontalControllerTest {
    private static final String CPU_REASON = "cpu resource utilization (percentage of request) above target";

    private final SimulatedLoop loop = new SimulatedLoop(11);
    private final ApiServer api = new ApiServer(new MemoryStore(), Scheme.standard(), loop);
    private final InformerFactory informers = new InformerFactory(api, loop, Duration.ZERO);
    private final ReplicaSetController replicaSets = new ReplicaSetController(api, informers, loop);

    /** The load generator: this many millicores of demand, shared by the running pods. */
    private long demand;
    /** When set, exactly these pods report these millicores (others report nothing). */
    private Map<String, Long> perPod;

    private final PodMetricsLister metrics = (ns, selector) -> {
        List<Pod> running = api.list(Pod.class, ns).items().stream()
                .filter(p -> selector.matches(p.metadata().labels()) && !p.metadata().isBeingDeleted()
                        && p.status() != null && PodPhase.RUNNING.equals(p.status().phase()))
                .toList();
        List<PodMetric> out = new ArrayList<>();
        for (Pod p : running) {
            Long usage = perPod == null ? (Long) (demand / running.size()) : perPod.get(p.name());
            if (usage != null) {
                out.add(new PodMetric(p.name(), usage, loop.now(), Duration.ofSeconds(15)));
            }
        }
        return out;
    };

    private final HorizontalController controller = new HorizontalController(api, informers, loop,
            new EventBroadcaster(loop).startRecordingToSink(api).newRecorder("horizontal-pod-autoscaler", null), metrics);

    HorizontalControllerTest() {
        // Plays the kubelet: every new pod starts running and ready at once.
        informers.informerFor(Pod.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(Pod pod, boolean isInInitialList) {
                if (pod.status() != null && pod.status().phase() != null && !PodPhase.PENDING.equals(pod.status().phase())) {
                    return;
                }
                try {
                    api.updateStatus(api.get(Pod.class, pod.namespace(), pod.name()).withStatus(PodStatus.empty()
                            .withPhase(PodPhase.RUNNING).withStartTime(loop.now()).withCondition(PodCondition.of(
                                    PodConditionType.READY, ConditionStatus.TRUE, loop.now()))));
                } catch (ApiException e) {
                    // already gone
                }
            }
        });
    }

    /** php-apache: one container requesting 200m of cpu. */
    private void phpApache(int replicas) {
        Container c = Container.of("php-apache", "registry.k8s.io/hpa-example")
                .withResources(ResourceRequirements.of(Map.of("cpu", Quantity.of("200m")), Map.of("cpu", Quantity.of("500m"))));
        PodTemplateSpec template = new PodTemplateSpec(ObjectMeta.named(null).withLabels(Map.of("run", "php-apache")),
                PodSpec.of(c));
        api.create(ReplicaSet.of("default", "php-apache", replicas, template));
        informers.start();
        replicaSets.start();
        controller.start();
        loop.settle();
        loop.advance(Duration.ofMinutes(1)); // the pods have been running a while before the autoscaler arrives
    }

    private void autoscale(int min, int max, MetricTarget target, HorizontalPodAutoscalerBehavior behavior) {
        api.create(HorizontalPodAutoscaler.of("default", "php-apache", new HorizontalPodAutoscalerSpec(
                new CrossVersionObjectReference("ReplicaSet", "php-apache", "apps/v1"), min, max,
                List.of(MetricSpec.resource("cpu", target)), behavior)));
        loop.settle();
    }

    private int replicas() {
        return api.get(ReplicaSet.class, "default", "php-apache").spec().replicas();
    }

    private HorizontalPodAutoscalerStatus status() {
        return api.get(HorizontalPodAutoscaler.class, "default", "php-apache").status();
    }

    private HorizontalPodAutoscalerCondition condition(String type) {
        return status().conditions().stream().filter(c -> c.type().equals(type)).findFirst().orElseThrow();
    }

    private List<String> events(String reason) {
        return api.list(Event.class, "default").items().stream().filter(e -> reason.equals(e.reason()))
                .sorted(Comparator.comparing(Event::firstTimestamp)).map(Event::message).toList();
    }

    @Test
    @DisplayName("walkthrough: at 305% of a 50% target one pod becomes 4 (at most max(2×1, 4) at once), then 7, as the docs show")
    void scalesUpByTheFormula() {
        phpApache(1);
        autoscale(1, 10, MetricTarget.utilization(50), null);
        // Idle, 0% wants 0 pods; but the size at creation counts as a recent recommendation.
        assertThat(condition("AbleToScale").reason()).isEqualTo("ScaleDownStabilized");
        assertThat(replicas()).isEqualTo(1);

        demand = 610; // 305% of the 200m request
        loop.advance(Duration.ofSeconds(15));
        assertThat(replicas()).isEqualTo(4);
        assertThat(condition("ScalingLimited").reason()).isEqualTo("ScaleUpLimit");
        assertThat(condition("ScalingLimited").message())
                .isEqualTo("the desired replica count is increasing faster than the maximum scale rate");

        loop.advance(Duration.ofSeconds(15)); // 610m over 4 pods: 76% → ceil(1.52 × 4) = 7
        assertThat(replicas()).isEqualTo(7);
        loop.advance(Duration.ofMinutes(2)); // 610m over 7 pods: 43% → ceil(0.86 × 7) = 7, it stays
        assertThat(replicas()).isEqualTo(7);

        assertThat(events("SuccessfulRescale")).containsExactly("New size: 4; reason: " + CPU_REASON,
                "New size: 7; reason: " + CPU_REASON);
        HorizontalPodAutoscalerStatus s = status();
        assertThat(s.currentReplicas()).isEqualTo(7);
        assertThat(s.desiredReplicas()).isEqualTo(7);
        assertThat(s.lastScaleTime()).isEqualTo(loop.start().plusSeconds(60 + 30));
        assertThat(s.currentMetrics()).singleElement().satisfies(m -> {
            assertThat(m.resource().current().averageUtilization()).isEqualTo(43);
            assertThat(m.resource().current().averageValue()).isEqualTo(Quantity.of("87m"));
        });
        assertThat(condition("AbleToScale").reason()).isEqualTo("ReadyForNewScale");
        assertThat(condition("ScalingActive").message())
                .isEqualTo("the HPA was able to successfully calculate a replica count from cpu resource utilization (percentage of request)");
    }

    @Test
    @DisplayName("capped at maxReplicas 10; when the load stops it scales down only after the 5-minute stabilisation window")
    void capsAndStabilisesScaleDown() {
        phpApache(7);
        autoscale(1, 10, MetricTarget.utilization(50), null);
        demand = 3000; // 214% over 7 pods wants 30
        loop.advance(Duration.ofSeconds(15));
        assertThat(replicas()).isEqualTo(10);
        assertThat(condition("ScalingLimited").reason()).isEqualTo("TooManyReplicas");
        assertThat(condition("ScalingLimited").message()).isEqualTo("the desired replica count is more than the maximum replica count");
        loop.advance(Duration.ofSeconds(15));

        demand = 0; // the load generator is stopped right after a sync
        loop.advance(Duration.ofSeconds(299));
        assertThat(replicas()).as("within the window the highest recent recommendation wins").isEqualTo(10);
        assertThat(condition("AbleToScale").reason()).isEqualTo("ScaleDownStabilized");

        loop.advance(Duration.ofSeconds(16));
        assertThat(replicas()).isEqualTo(1);
        assertThat(events("SuccessfulRescale")).containsExactly("New size: 10; reason: " + CPU_REASON,
                "New size: 1; reason: All metrics below target");
        loop.settle(); // the 15 s resync is background work: the cluster settles
    }

    @Test
    @DisplayName("tolerance: 54% against a 50% target is within 10%, nothing changes")
    void tolerance() {
        phpApache(2);
        demand = 216; // 108m each: 54%
        autoscale(1, 10, MetricTarget.utilization(50), null);
        loop.advance(Duration.ofMinutes(1));

        assertThat(replicas()).isEqualTo(2);
        assertThat(events("SuccessfulRescale")).isEmpty();
        assertThat(status().desiredReplicas()).isEqualTo(2);
        assertThat(status().currentMetrics().get(0).resource().current().averageUtilization()).isEqualTo(54);
        assertThat(condition("ScalingLimited").status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(condition("ScalingLimited").reason()).isEqualTo("DesiredWithinRange");
    }

    @Test
    @DisplayName("an AverageValue target: 150m per pod against 100m makes 2 pods 3")
    void averageValue() {
        phpApache(2);
        demand = 300;
        autoscale(1, 10, MetricTarget.averageValue(Quantity.of("100m")), null);

        assertThat(replicas()).isEqualTo(3);
        assertThat(events("SuccessfulRescale")).containsExactly("New size: 3; reason: cpu resource above target");
        assertThat(status().currentMetrics().get(0).resource().current().averageValue()).isEqualTo(Quantity.of("150m"));
    }

    @Test
    @DisplayName("pods without metrics count as using 100% of their request on a scale-down: no shrinking on partial data")
    void missingMetricsOnScaleDown() {
        phpApache(4);
        List<Pod> pods = api.list(Pod.class, "default").items();
        perPod = Map.of(pods.get(0).name(), 20L, pods.get(1).name(), 20L); // 10% each; two pods unmeasured
        autoscale(1, 10, MetricTarget.utilization(50), null);
        loop.advance(Duration.ofMinutes(6));
        assertThat(replicas()).isEqualTo(4);
        assertThat(events("SuccessfulRescale")).isEmpty();

        perPod = null; // all four measured at 10%: now it shrinks (after the window)
        demand = 80;
        loop.advance(Duration.ofMinutes(6));
        assertThat(replicas()).isEqualTo(1);
    }

    @Test
    @DisplayName("without any metrics: ScalingActive is False (FailedGetResourceMetric) and nothing is scaled")
    void noMetrics() {
        phpApache(1);
        perPod = Map.of();
        autoscale(1, 10, MetricTarget.utilization(50), null);
        loop.advance(Duration.ofSeconds(30));

        assertThat(replicas()).isEqualTo(1);
        HorizontalPodAutoscalerCondition active = condition("ScalingActive");
        assertThat(active.status()).isEqualTo(ConditionStatus.FALSE);
        assertThat(active.reason()).isEqualTo("FailedGetResourceMetric");
        assertThat(active.message()).isEqualTo("the HPA was unable to compute the replica count: failed to get cpu "
                + "utilization: unable to get metrics for resource cpu: no metrics returned from resource metrics API");
        assertThat(events("FailedComputeMetricsReplicas")).first().isEqualTo("invalid metrics (1 invalid out of 1), "
                + "first error is: failed to get cpu resource metric value: failed to get cpu utilization: unable to get "
                + "metrics for resource cpu: no metrics returned from resource metrics API");
        loop.settle();
    }

    @Test
    @DisplayName("with a behavior, scale-up is limited to the larger of +4 pods and +100% per 15 s")
    void behaviorPolicies() {
        phpApache(1);
        demand = 610;
        autoscale(1, 10, MetricTarget.utilization(50), new HorizontalPodAutoscalerBehavior(null, null));

        assertThat(replicas()).isEqualTo(5);
        assertThat(condition("ScalingLimited").reason()).isEqualTo("ScaleUpLimit");
    }

    @Test
    @DisplayName("the metrics seam is asked with the target's selector")
    void metricsSeamGetsSelector() {
        List<Selector> asked = new ArrayList<>();
        PodMetricsLister spy = (ns, selector) -> {
            asked.add(selector);
            return metrics.cpuUsage(ns, selector);
        };
        new HorizontalController(api, informers, loop, (ref, type, reason, message) -> { }, spy).start();
        phpApache(1);
        autoscale(1, 10, MetricTarget.utilization(50), null);
        assertThat(asked).isNotEmpty().allSatisfy(s -> assertThat(s.matches(Map.of("run", "php-apache"))).isTrue());
    }
}
