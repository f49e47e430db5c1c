package kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodPhase;
import kubelab.api.labels.Selector;
import kubelab.api.resource.Quantity;
import kubelab.client.Lister;
import kubelab.time.Clock;

/**
 * Kubernetes' formula: {@code desired = ceil(current × currentMetric / target)}, over the pods the
 * target's selector matches, with its careful handling of pods it cannot trust:
 * <ul>
 *   <li>pods being deleted or failed are left out;</li>
 *   <li>pending pods, and (for cpu) pods not yet ready or ready too recently for a full sample, are
 *       "unready": left out, except that on a scale-up they are counted back in as using 0%;</li>
 *   <li>pods without a sample are "missing": counted as using 100% of their request on a
 *       scale-down and 0% on a scale-up, so partial data never exaggerates a change;</li>
 *   <li>if the ratio is within the tolerance (default 0.1) of 1, or counting the doubtful pods
 *       would reverse the direction, the current count stays.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code ReplicaCalculator.GetResourceReplicas}, {@code GetRawResourceReplicas},
 * {@code groupPods} in {@code pkg/controller/podautoscaler/replica_calculator.go}, and
 * {@code GetResourceUtilizationRatio} in {@code .../metrics/utilization.go}.
 */
public final class ReplicaCalculator {
    public static final double DEFAULT_TOLERANCE = 0.1;
    /** Within this time of a pod's start, a cpu sample counts only if taken a full window after it became ready. */
    public static final Duration CPU_INITIALIZATION_PERIOD = Duration.ofMinutes(5);
    /** After that, an unready pod is ignored only if it has never been ready (turned unready this soon after start). */
    public static final Duration DELAY_OF_INITIAL_READINESS_STATUS = Duration.ofSeconds(30);

    /** Why no replica count could be computed; the message is Kubernetes'. */
    public static final class MetricsException extends RuntimeException {
        public MetricsException(String message) {
            super(message);
        }
    }

    /** The proposal: a replica count, and the current value (percent and raw milli-units per pod). */
    public record Proposal(int replicas, int utilization, long rawUtilization, Instant timestamp) {
    }

    /** Scale-up and scale-down tolerances: no change while {@code 1 - down <= ratio <= 1 + up}. */
    public record Tolerances(double scaleDown, double scaleUp) {
        public static final Tolerances DEFAULT = new Tolerances(DEFAULT_TOLERANCE, DEFAULT_TOLERANCE);

        boolean isWithin(double ratio) {
            return 1.0 - scaleDown <= ratio && ratio <= 1.0 + scaleUp;
        }
    }

    private final PodMetricsLister metrics;
    private final Lister<Pod> podLister;
    private final Clock clock;

    public ReplicaCalculator(PodMetricsLister metrics, Lister<Pod> podLister, Clock clock) {
        this.metrics = metrics;
        this.podLister = podLister;
        this.clock = clock;
    }

    /** A target of {@code targetUtilization}% of the pods' cpu requests. */
    // tag::get-resource-replicas[]
    public Proposal getResourceReplicas(int currentReplicas, int targetUtilization, String resource, String namespace,
                                        Selector selector, Tolerances tolerances) {
        Map<String, PodMetric> usage = fetch(resource, namespace, selector);
        List<Pod> pods = pods(namespace, selector);
        Groups g = groupPods(pods, usage, resource);
        usage.keySet().removeAll(g.ignored);
        usage.keySet().removeAll(g.unready);
        Map<String, Long> requests = podRequests(pods, resource);
        if (usage.isEmpty()) {
            throw new MetricsException("did not receive metrics for any ready pods");
        }
        Utilization u = utilizationRatio(usage, requests, targetUtilization);
        Instant timestamp = usage.values().iterator().next().timestamp();
        boolean rebalanceUnready = !g.unready.isEmpty() && u.ratio > 1.0;
        if (!rebalanceUnready && g.missing.isEmpty()) {
            if (tolerances.isWithin(u.ratio)) {
                return new Proposal(currentReplicas, u.percent, u.raw, timestamp);
            }
            return new Proposal((int) Math.ceil(u.ratio * g.readyPodCount), u.percent, u.raw, timestamp);
        }
        Map<String, Long> values = new HashMap<>();
        usage.forEach((name, m) -> values.put(name, m.milliValue()));
        for (String name : g.missing) {
            // Assume the least favourable value for the change at hand: 100% of request down, 0% up.
            values.put(name, u.ratio < 1.0 ? requests.getOrDefault(name, 0L) : 0L);
        }
        if (rebalanceUnready) {
            g.unready.forEach(name -> values.put(name, 0L));
        }
        double newRatio = utilizationRatio(asMetrics(values, timestamp), requests, targetUtilization).ratio;
        if (tolerances.isWithin(newRatio) || (u.ratio < 1.0 && newRatio > 1.0) || (u.ratio > 1.0 && newRatio < 1.0)) {
            return new Proposal(currentReplicas, u.percent, u.raw, timestamp);
        }
        int newReplicas = (int) Math.ceil(newRatio * values.size());
        if ((newRatio < 1.0 && newReplicas > currentReplicas) || (newRatio > 1.0 && newReplicas < currentReplicas)) {
            return new Proposal(currentReplicas, u.percent, u.raw, timestamp);
        }
        return new Proposal(newReplicas, u.percent, u.raw, timestamp);
    }
    // end::get-resource-replicas[]

    /** A target average value per pod, {@code targetMilli} milli-units (no requests involved). */
    public Proposal getRawResourceReplicas(int currentReplicas, long targetMilli, String resource, String namespace,
                                           Selector selector, Tolerances tolerances) {
        Map<String, PodMetric> usage = fetch(resource, namespace, selector);
        List<Pod> pods = pods(namespace, selector);
        Groups g = groupPods(pods, usage, resource);
        usage.keySet().removeAll(g.ignored);
        usage.keySet().removeAll(g.unready);
        if (usage.isEmpty()) {
            throw new MetricsException("did not receive metrics for any ready pods");
        }
        Instant timestamp = usage.values().iterator().next().timestamp();
        long average = average(usage.values().stream().mapToLong(PodMetric::milliValue).sum(), usage.size());
        double ratio = (double) average / targetMilli;
        boolean rebalanceUnready = !g.unready.isEmpty() && ratio > 1.0;
        if (!rebalanceUnready && g.missing.isEmpty()) {
            int replicas = tolerances.isWithin(ratio) ? currentReplicas : (int) Math.ceil(ratio * g.readyPodCount);
            return new Proposal(replicas, 0, average, timestamp);
        }
        long total = usage.values().stream().mapToLong(PodMetric::milliValue).sum();
        int count = usage.size() + g.missing.size() + (rebalanceUnready ? g.unready.size() : 0);
        total += ratio < 1.0 ? targetMilli * g.missing.size() : 0; // missing: at target going down, 0 going up
        double newRatio = (double) average(total, count) / targetMilli;
        if (tolerances.isWithin(newRatio) || (ratio < 1.0 && newRatio > 1.0) || (ratio > 1.0 && newRatio < 1.0)) {
            return new Proposal(currentReplicas, 0, average, timestamp);
        }
        return new Proposal((int) Math.ceil(newRatio * count), 0, average, timestamp);
    }

    private Map<String, PodMetric> fetch(String resource, String namespace, Selector selector) {
        List<PodMetric> samples = "cpu".equals(resource) ? metrics.cpuUsage(namespace, selector) : List.of();
        if (samples.isEmpty()) {
            throw new MetricsException("unable to get metrics for resource " + resource
                    + ": no metrics returned from resource metrics API");
        }
        Map<String, PodMetric> byName = new HashMap<>();
        samples.forEach(m -> byName.put(m.podName(), m));
        return byName;
    }

    private List<Pod> pods(String namespace, Selector selector) {
        List<Pod> pods = podLister.inNamespace(namespace).list(selector::matches);
        if (pods.isEmpty()) {
            throw new MetricsException("no pods returned by selector while calculating replica count");
        }
        return pods;
    }

    private record Groups(int readyPodCount, Set<String> unready, Set<String> missing, Set<String> ignored) {
    }

    /** Sorts the pods into ready (counted), unready, missing (no sample) and ignored (going or failed). */
    private Groups groupPods(List<Pod> pods, Map<String, PodMetric> usage, String resource) {
        int ready = 0;
        Set<String> unready = new HashSet<>();
        Set<String> missing = new HashSet<>();
        Set<String> ignored = new HashSet<>();
        Instant now = clock.now();
        for (Pod pod : pods) {
            String phase = pod.status() == null ? null : pod.status().phase();
            if (pod.metadata().isBeingDeleted() || PodPhase.FAILED.equals(phase)) {
                ignored.add(pod.name());
                continue;
            }
            if (phase == null || PodPhase.PENDING.equals(phase)) {
                unready.add(pod.name());
                continue;
            }
            PodMetric metric = usage.get(pod.name());
            if (metric == null) {
                missing.add(pod.name());
                continue;
            }
            if ("cpu".equals(resource) && isUnready(pod, metric, now)) {
                unready.add(pod.name());
                continue;
            }
            ready++;
        }
        return new Groups(ready, unready, missing, ignored);
    }

    /** Whether a cpu sample of this pod can not be trusted yet (start-up cpu bursts distort it). */
    private static boolean isUnready(Pod pod, PodMetric metric, Instant now) {
        PodCondition condition = pod.status().condition(PodConditionType.READY);
        Instant start = pod.status().startTime();
        if (condition == null || start == null || condition.lastTransitionTime() == null) {
            return true;
        }
        boolean readyTrue = condition.isTrue();
        if (start.plus(CPU_INITIALIZATION_PERIOD).isAfter(now)) {
            return !readyTrue || metric.timestamp().isBefore(condition.lastTransitionTime().plus(metric.window()));
        }
        return !readyTrue && start.plus(DELAY_OF_INITIAL_READINESS_STATUS).isAfter(condition.lastTransitionTime());
    }

    /** Each pod's total request of {@code resource}, in milli-units; every container must request it. */
    private static Map<String, Long> podRequests(List<Pod> pods, String resource) {
        Map<String, Long> requests = new HashMap<>();
        for (Pod pod : pods) {
            long total = 0;
            for (Container c : pod.spec().containers()) {
                Quantity q = c.resources() == null ? null : c.resources().requests().get(resource);
                if (q == null) {
                    throw new MetricsException("missing request for " + resource + " in container " + c.name()
                            + " of Pod " + pod.name());
                }
                total += q.milliValue();
            }
            requests.put(pod.name(), total);
        }
        return requests;
    }

    private record Utilization(double ratio, int percent, long raw) {
    }

    private static Utilization utilizationRatio(Map<String, PodMetric> usage, Map<String, Long> requests, int target) {
        long metricsTotal = 0;
        long requestsTotal = 0;
        int entries = 0;
        for (PodMetric m : usage.values()) {
            Long request = requests.get(m.podName());
            if (request == null) {
                continue;
            }
            metricsTotal += m.milliValue();
            requestsTotal += request;
            entries++;
        }
        if (requestsTotal == 0) {
            throw new MetricsException("no metrics returned matched known pods");
        }
        int percent = (int) (metricsTotal * 100 / requestsTotal); // an integer percent, as Kubernetes rounds it
        return new Utilization((double) percent / target, percent, metricsTotal / entries);
    }

    private static Map<String, PodMetric> asMetrics(Map<String, Long> values, Instant timestamp) {
        Map<String, PodMetric> out = new HashMap<>();
        values.forEach((name, v) -> out.put(name, new PodMetric(name, v, timestamp, Duration.ZERO)));
        return out;
    }

    private static long average(long total, int count) {
        return count == 0 ? 0 : total / count;
    }
}
