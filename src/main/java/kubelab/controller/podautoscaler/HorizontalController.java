package kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import kubelab.api.autoscaling.HorizontalPodAutoscaler;
import kubelab.api.autoscaling.HorizontalPodAutoscalerCondition;
import kubelab.api.autoscaling.HorizontalPodAutoscalerSpec;
import kubelab.api.autoscaling.HorizontalPodAutoscalerStatus;
import kubelab.api.autoscaling.MetricStatus;
import kubelab.api.core.ConditionStatus;
import kubelab.api.core.Event;
import kubelab.api.core.Pod;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Cache;
import kubelab.client.InformerFactory;
import kubelab.client.Lister;
import kubelab.client.RateLimitingQueue;
import kubelab.client.ResourceEventHandler;
import kubelab.client.Worker;
import kubelab.client.record.EventRecorder;
import kubelab.time.EventLoop;

/**
 * Scales workloads to hold their metrics at target: every 15 seconds, for each
 * HorizontalPodAutoscaler, it reads the target's scale, asks the {@link ReplicaCalculator} for the
 * replica count each metric wants (the largest wins), tempers it with the {@link ReplicaNormalizer}
 * (stabilisation window, rate policies, min/max), writes the new {@code spec.replicas}, and reports
 * in the autoscaler's status, conditions and events.
 *
 * <p>The 15-second resync is a background periodic timer, so a cluster with autoscalers still
 * settles; adding an autoscaler or changing its spec is acted on at once. Its own status writes
 * are not: they would make it rescale twice on the same sample.
 *
 * <p>Real Kubernetes: {@code HorizontalController} in {@code pkg/controller/podautoscaler/horizontal.go}
 * ({@code --horizontal-pod-autoscaler-sync-period=15s}).
 */
public final class HorizontalController {
    public static final Duration SYNC_PERIOD = Duration.ofSeconds(15);

    static final String ABLE_TO_SCALE = HorizontalPodAutoscalerCondition.ABLE_TO_SCALE;
    static final String SCALING_ACTIVE = HorizontalPodAutoscalerCondition.SCALING_ACTIVE;
    static final String SCALING_LIMITED = HorizontalPodAutoscalerCondition.SCALING_LIMITED;

    private final Api api;
    private final EventLoop loop;
    private final EventRecorder recorder;
    private final Lister<HorizontalPodAutoscaler> hpaLister;
    private final RateLimitingQueue<String> queue;
    private final MetricsComputer metrics;
    private final ReplicaNormalizer normalizer = new ReplicaNormalizer();
    private Worker<String> worker;
    private EventLoop.Timer resync;

    /** An HPA controller reading usage from {@code metrics}; call {@link #start()} once the informers are started. */
    public HorizontalController(Api api, InformerFactory informers, EventLoop loop, EventRecorder recorder,
                                PodMetricsLister metrics) {
        this.api = api;
        this.loop = loop;
        this.recorder = recorder;
        this.queue = new RateLimitingQueue<>("horizontalpodautoscaler", loop);
        this.hpaLister = informers.listerFor(HorizontalPodAutoscaler.class);
        Lister<Pod> podLister = informers.listerFor(Pod.class);
        this.metrics = new MetricsComputer(new ReplicaCalculator(metrics, podLister, loop.clock()), recorder);
        informers.informerFor(HorizontalPodAutoscaler.class).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(HorizontalPodAutoscaler hpa, boolean isInInitialList) {
                queue.add(Cache.metaNamespaceKey(hpa));
            }

            @Override
            public void onUpdate(HorizontalPodAutoscaler oldHpa, HorizontalPodAutoscaler newHpa) {
                if (!Objects.equals(oldHpa.spec(), newHpa.spec())) {
                    queue.add(Cache.metaNamespaceKey(newHpa));
                }
            }

            @Override
            public void onDelete(HorizontalPodAutoscaler hpa) {
                normalizer.forget(Cache.metaNamespaceKey(hpa));
            }
        });
    }

    /** Starts the worker and the 15-second resync; the informers are started by their factory. */
    public void start() {
        if (worker == null) {
            worker = new Worker<>(queue, loop, this::reconcileAutoscaler);
            resync = loop.schedulePeriodic("horizontal-pod-autoscaler resync", SYNC_PERIOD,
                    () -> hpaLister.list().forEach(hpa -> queue.add(Cache.metaNamespaceKey(hpa))));
        }
    }

    /** Stops the periodic resync. */
    public void stop() {
        if (resync != null) {
            resync.cancel();
        }
    }

    public RateLimitingQueue<String> queue() {
        return queue;
    }

    /**
     * One autoscaler, one round:
     * <ol>
     *   <li>read the autoscaler (gone: forget its history) and its target's scale;</li>
     *   <li>outside min..max, go to the nearest bound; scaled to zero by hand, do nothing;</li>
     *   <li>otherwise compute each metric's proposal and take the largest, then stabilise, rate-limit
     *       and clamp it;</li>
     *   <li>if it differs from the current count, write {@code spec.replicas} and record
     *       SuccessfulRescale;</li>
     *   <li>write the status (current and desired replicas, metrics, conditions) if it changed.</li>
     * </ol>
     * A failure is reported in the conditions and events and retried by the next resync, 15 s
     * later, as Kubernetes' fixed-interval HPA queue does.
     */
    // tag::reconcile-autoscaler[]
    public void reconcileAutoscaler(String key) {
        Cache.NamespacedName nn = Cache.splitMetaNamespaceKey(key);
        HorizontalPodAutoscaler hpa = hpaLister.inNamespace(nn.namespace()).get(nn.name()).orElse(null);
        if (hpa == null) {
            normalizer.forget(key);
            return;
        }
        HorizontalPodAutoscalerSpec spec = hpa.spec();
        Instant now = loop.clock().now();
        Conditions conditions = new Conditions(hpa.status() == null ? List.of() : hpa.status().conditions(), now);
        ScaleTarget scale;
        try {
            scale = ScaleTarget.get(api, hpa.namespace(), spec.scaleTargetRef());
        } catch (ApiException | IllegalArgumentException e) {
            conditions.set(ABLE_TO_SCALE, false, "FailedGetScale",
                    "the HPA controller was unable to get the target's current scale: " + e.getMessage());
            recorder.event(hpa, Event.TYPE_WARNING, "FailedGetScale", e.getMessage());
            writeStatus(hpa, status(hpa, currentReplicas(hpa), desiredReplicas(hpa), currentMetrics(hpa), conditions, false, now));
            return; // the next resync tries again, as in Kubernetes (no back-off that would keep a simulation busy)
        }
        conditions.set(ABLE_TO_SCALE, true, "SucceededGetScale", "the HPA controller was able to get the target's current scale");
        int currentReplicas = scale.specReplicas();
        normalizer.recordInitialRecommendation(key, currentReplicas, now);
        int minReplicas = spec.minReplicas() == null ? 1 : spec.minReplicas();
        int maxReplicas = spec.maxReplicas() == null ? minReplicas : spec.maxReplicas();
        List<MetricStatus> metricStatuses = currentMetrics(hpa);
        int desiredReplicas = 0;
        String rescaleReason = "";
        boolean rescale;
        if (currentReplicas == 0 && minReplicas != 0) {
            conditions.set(SCALING_ACTIVE, false, "ScalingDisabled", "scaling is disabled since the replica count of the target is zero");
            rescale = false;
        } else if (currentReplicas > maxReplicas) {
            rescaleReason = "Current number of replicas above Spec.MaxReplicas";
            desiredReplicas = maxReplicas;
            rescale = true;
        } else if (currentReplicas < minReplicas) {
            rescaleReason = "Current number of replicas below Spec.MinReplicas";
            desiredReplicas = minReplicas;
            rescale = true;
        } else {
            MetricsComputer.Result result = metrics.computeReplicasForMetrics(hpa, scale, conditions);
            if (result.replicas() == -1) {
                writeStatus(hpa, status(hpa, currentReplicas, desiredReplicas(hpa), result.statuses(), conditions, false, now));
                recorder.event(hpa, Event.TYPE_WARNING, "FailedComputeMetricsReplicas", result.error());
                return; // no usable metric: the next resync tries again
            }
            metricStatuses = result.statuses();
            desiredReplicas = Math.max(desiredReplicas, result.replicas());
            if (desiredReplicas > currentReplicas) {
                rescaleReason = result.metricName() + " above target";
            } else if (desiredReplicas < currentReplicas) {
                rescaleReason = "All metrics below target";
            }
            ReplicaNormalizer.Normalized n = normalizer.normalize(key, spec.behavior(), currentReplicas,
                    desiredReplicas, minReplicas, maxReplicas, now);
            conditions.set(ABLE_TO_SCALE, true, n.ableReason(), n.ableMessage());
            conditions.set(SCALING_LIMITED, n.limited(), n.limitedReason(), n.limitedMessage());
            desiredReplicas = n.replicas();
            rescale = desiredReplicas != currentReplicas;
        }
        if (rescale) {
            try {
                scale.update(api, desiredReplicas);
            } catch (ApiException e) {
                recorder.eventf(hpa, Event.TYPE_WARNING, "FailedRescale", "New size: %d; reason: %s; error: %s",
                        desiredReplicas, rescaleReason, e.getMessage());
                conditions.set(ABLE_TO_SCALE, false, "FailedUpdateScale",
                        "the HPA controller was unable to update the target scale: " + e.getMessage());
                writeStatus(hpa, status(hpa, currentReplicas, desiredReplicas(hpa), metricStatuses, conditions, false, now));
                return;
            }
            conditions.set(ABLE_TO_SCALE, true, "SucceededRescale",
                    "the HPA controller was able to update the target scale to " + desiredReplicas);
            recorder.eventf(hpa, Event.TYPE_NORMAL, "SuccessfulRescale", "New size: %d; reason: %s", desiredReplicas, rescaleReason);
            normalizer.storeScaleEvent(key, currentReplicas, desiredReplicas, now);
        } else {
            desiredReplicas = currentReplicas;
        }
        writeStatus(hpa, status(hpa, currentReplicas, desiredReplicas, metricStatuses, conditions, rescale, now));
    }
    // end::reconcile-autoscaler[]

    private static HorizontalPodAutoscalerStatus status(HorizontalPodAutoscaler hpa, int current, int desired,
                                                        List<MetricStatus> metrics, Conditions conditions,
                                                        boolean rescaled, Instant now) {
        Instant lastScaleTime = rescaled ? now : hpa.status() == null ? null : hpa.status().lastScaleTime();
        return new HorizontalPodAutoscalerStatus(hpa.metadata().generation(), lastScaleTime, current, desired, metrics,
                conditions.list());
    }

    private void writeStatus(HorizontalPodAutoscaler hpa, HorizontalPodAutoscalerStatus status) {
        if (!Objects.equals(hpa.status(), status)) {
            api.updateStatus(hpa.withStatus(status));
        }
    }

    private static int currentReplicas(HorizontalPodAutoscaler hpa) {
        return hpa.status() == null || hpa.status().currentReplicas() == null ? 0 : hpa.status().currentReplicas();
    }

    private static int desiredReplicas(HorizontalPodAutoscaler hpa) {
        return hpa.status() == null || hpa.status().desiredReplicas() == null ? 0 : hpa.status().desiredReplicas();
    }

    private static List<MetricStatus> currentMetrics(HorizontalPodAutoscaler hpa) {
        return hpa.status() == null ? List.of() : hpa.status().currentMetrics();
    }

    /** The autoscaler's conditions being rewritten: a transition time changes only when the status does. */
    static final class Conditions {
        private final List<HorizontalPodAutoscalerCondition> list;
        private final Instant now;

        Conditions(List<HorizontalPodAutoscalerCondition> existing, Instant now) {
            this.list = new ArrayList<>(existing);
            this.now = now;
        }

        void set(String type, boolean status, String reason, String message) {
            String s = status ? ConditionStatus.TRUE : ConditionStatus.FALSE;
            for (int i = 0; i < list.size(); i++) {
                HorizontalPodAutoscalerCondition c = list.get(i);
                if (c.type().equals(type)) {
                    Instant since = s.equals(c.status()) ? c.lastTransitionTime() : now;
                    list.set(i, new HorizontalPodAutoscalerCondition(type, s, since, reason, message));
                    return;
                }
            }
            list.add(new HorizontalPodAutoscalerCondition(type, s, now, reason, message));
        }

        List<HorizontalPodAutoscalerCondition> list() {
            return List.copyOf(list);
        }
    }
}
