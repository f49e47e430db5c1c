package kubelab.controller.podautoscaler;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.autoscaling.HPAScalingPolicy;
import kubelab.api.autoscaling.HPAScalingRules;
import kubelab.api.autoscaling.HorizontalPodAutoscalerBehavior;

/**
 * Turns the metrics' raw proposal into the replica count to set, remembering per autoscaler the
 * recent recommendations and scale events:
 * <ol>
 *   <li>stabilise: within the scale-down window (default 300 s) use the highest recent
 *       recommendation, so a brief dip does not shrink the workload; within the scale-up window
 *       (default 0) the lowest;</li>
 *   <li>rate-limit: by the policies (default up: the larger of +4 pods and +100% per 15 s; down:
 *       -100% per 15 s), counted from the replicas at the start of each policy's period;</li>
 *   <li>clamp to {@code minReplicas}..{@code maxReplicas}.</li>
 * </ol>
 * An autoscaler without {@code behavior} follows the older rules: a fixed 5-minute scale-down
 * window and a scale-up limit of {@code max(2 × current, 4)}. Each step says why, for the
 * AbleToScale and ScalingLimited conditions.
 *
 * <p>Real Kubernetes: {@code normalizeDesiredReplicas}, {@code normalizeDesiredReplicasWithBehaviors},
 * {@code stabilizeRecommendation(WithBehaviors)}, {@code convertDesiredReplicasWithBehaviorRate},
 * {@code calculateScaleUpLimitWithScalingRules} and {@code calculateScaleDownLimitWithBehaviors} in
 * {@code pkg/controller/podautoscaler/horizontal.go}.
 */
final class ReplicaNormalizer {
    static final Duration DOWNSCALE_STABILISATION_WINDOW = Duration.ofMinutes(5);
    /** The API server's defaults for a behavior's missing halves (here for objects made without it). */
    static final HPAScalingRules DEFAULT_SCALE_UP = new HPAScalingRules(0, HPAScalingRules.MAX_CHANGE_POLICY_SELECT,
            List.of(new HPAScalingPolicy(HPAScalingPolicy.PODS, 4, 15), new HPAScalingPolicy(HPAScalingPolicy.PERCENT, 100, 15)),
            null);
    static final HPAScalingRules DEFAULT_SCALE_DOWN = new HPAScalingRules(300, HPAScalingRules.MAX_CHANGE_POLICY_SELECT,
            List.of(new HPAScalingPolicy(HPAScalingPolicy.PERCENT, 100, 15)), null);

    /** The outcome: the count, and the reasons and messages for the two conditions it decides. */
    record Normalized(int replicas, String ableReason, String ableMessage, boolean limited, String limitedReason,
                      String limitedMessage) {
    }

    private record Recommendation(int replicas, Instant timestamp) {
    }

    private record ScaleEvent(int change, Instant timestamp) {
    }

    private final Map<String, List<Recommendation>> recommendations = new HashMap<>();
    private final Map<String, List<ScaleEvent>> scaleUpEvents = new HashMap<>();
    private final Map<String, List<ScaleEvent>> scaleDownEvents = new HashMap<>();

    /** The first sync of an autoscaler counts the current size as a recommendation: no instant scale-down. */
    void recordInitialRecommendation(String key, int currentReplicas, Instant now) {
        recommendations.computeIfAbsent(key, k -> new ArrayList<>(List.of(new Recommendation(currentReplicas, now))));
    }

    void forget(String key) {
        recommendations.remove(key);
        scaleUpEvents.remove(key);
        scaleDownEvents.remove(key);
    }

    // tag::normalize[]
    Normalized normalize(String key, HorizontalPodAutoscalerBehavior behavior, int current, int proposed,
                         int min, int max, Instant now) {
        if (behavior == null) {
            int stabilized = stabilize(key, proposed, now);
            int limit = Math.max(2 * current, 4);
            String reason;
            String message;
            int desired;
            if (stabilized < min) {
                desired = min;
                reason = "TooFewReplicas";
                message = "the desired replica count is less than the minimum replica count";
            } else if (stabilized > Math.min(max, limit)) {
                desired = Math.min(max, limit);
                reason = max > limit ? "ScaleUpLimit" : "TooManyReplicas";
                message = max > limit ? "the desired replica count is increasing faster than the maximum scale rate"
                        : "the desired replica count is more than the maximum replica count";
            } else {
                desired = stabilized;
                reason = "DesiredWithinRange";
                message = "the desired count is within the acceptable range";
            }
            boolean stabilizedDown = stabilized != proposed;
            return new Normalized(desired, stabilizedDown ? "ScaleDownStabilized" : "ReadyForNewScale",
                    stabilizedDown ? "recent recommendations were higher than current one, applying the highest recent recommendation"
                            : "recommended size matches current size",
                    desired != stabilized, reason, message);
        }
        HPAScalingRules up = behavior.scaleUp() == null ? DEFAULT_SCALE_UP : behavior.scaleUp();
        HPAScalingRules down = behavior.scaleDown() == null ? DEFAULT_SCALE_DOWN : behavior.scaleDown();
        int stabilized = stabilizeWithBehaviors(key, current, proposed, window(up, 0), window(down, 300), now);
        String ableReason = "ReadyForNewScale";
        String ableMessage = "recommended size matches current size";
        if (stabilized != proposed) {
            boolean upward = proposed >= current;
            ableReason = upward ? "ScaleUpStabilized" : "ScaleDownStabilized";
            ableMessage = upward ? "recent recommendations were lower than current one, applying the lowest recent recommendation"
                    : "recent recommendations were higher than current one, applying the highest recent recommendation";
        }
        int desired = stabilized;
        String reason = "DesiredWithinRange";
        String message = "the desired count is within the acceptable range";
        if (stabilized > current) {
            int limit = Math.max(current, scaleUpLimit(current, key, up, now));
            int allowed = Math.min(max, limit);
            if (stabilized > allowed) {
                desired = allowed;
                reason = max > limit ? "ScaleUpLimit" : "TooManyReplicas";
                message = max > limit ? "the desired replica count is increasing faster than the maximum scale rate"
                        : "the desired replica count is more than the maximum replica count";
            }
        } else if (stabilized < current) {
            int limit = Math.min(current, scaleDownLimit(current, key, down, now));
            int allowed = Math.max(min, limit);
            if (stabilized < allowed) {
                desired = allowed;
                reason = min < limit ? "ScaleDownLimit" : "TooFewReplicas";
                message = min < limit ? "the desired replica count is decreasing faster than the maximum scale rate"
                        : "the desired replica count is less than the minimum replica count";
            }
        }
        return new Normalized(desired, ableReason, ableMessage, desired != stabilized, reason, message);
    }
    // end::normalize[]

    /** Records a rescale, so that later policies count the change within their periods. */
    void storeScaleEvent(String key, int previous, int next, Instant now) {
        Map<String, List<ScaleEvent>> events = next > previous ? scaleUpEvents : scaleDownEvents;
        List<ScaleEvent> list = events.computeIfAbsent(key, k -> new ArrayList<>());
        list.removeIf(e -> e.timestamp().isBefore(now.minus(Duration.ofHours(1)))); // older than any period
        list.add(new ScaleEvent(Math.abs(next - previous), now));
    }

    /** Without behavior: the highest recommendation of the last five minutes (and records this one). */
    private int stabilize(String key, int proposed, Instant now) {
        Instant cutoff = now.minus(DOWNSCALE_STABILISATION_WINDOW);
        List<Recommendation> recs = recommendations.computeIfAbsent(key, k -> new ArrayList<>());
        int max = proposed;
        for (Recommendation r : recs) {
            if (!r.timestamp().isBefore(cutoff)) {
                max = Math.max(max, r.replicas());
            }
        }
        record(recs, proposed, now, cutoff);
        return max;
    }

    private int stabilizeWithBehaviors(String key, int current, int proposed, int upWindow, int downWindow, Instant now) {
        Instant upCutoff = now.minusSeconds(upWindow);
        Instant downCutoff = now.minusSeconds(downWindow);
        int upRecommendation = proposed;
        int downRecommendation = proposed;
        List<Recommendation> recs = recommendations.computeIfAbsent(key, k -> new ArrayList<>());
        for (Recommendation r : recs) {
            if (r.timestamp().isAfter(upCutoff)) {
                upRecommendation = Math.min(upRecommendation, r.replicas());
            }
            if (r.timestamp().isAfter(downCutoff)) {
                downRecommendation = Math.max(downRecommendation, r.replicas());
            }
        }
        int recommendation = Math.min(Math.max(current, upRecommendation), downRecommendation);
        record(recs, proposed, now, upCutoff.isBefore(downCutoff) ? upCutoff : downCutoff);
        return recommendation;
    }

    /** Adds a recommendation, reusing the slot of one older than every window (the list stays small). */
    private static void record(List<Recommendation> recs, int proposed, Instant now, Instant oldestCutoff) {
        for (int i = 0; i < recs.size(); i++) {
            if (recs.get(i).timestamp().isBefore(oldestCutoff)) {
                recs.set(i, new Recommendation(proposed, now));
                return;
            }
        }
        recs.add(new Recommendation(proposed, now));
    }

    private int scaleUpLimit(int current, String key, HPAScalingRules rules, Instant now) {
        if (HPAScalingRules.DISABLED_POLICY_SELECT.equals(rules.selectPolicy())) {
            return current;
        }
        boolean min = HPAScalingRules.MIN_CHANGE_POLICY_SELECT.equals(rules.selectPolicy());
        int result = min ? Integer.MAX_VALUE : Integer.MIN_VALUE;
        for (HPAScalingPolicy p : rules.policies()) {
            int start = current - changeIn(scaleUpEvents, key, p, now) + changeIn(scaleDownEvents, key, p, now);
            int proposed = HPAScalingPolicy.PODS.equals(p.type()) ? start + p.value()
                    : (int) Math.ceil(start * (1 + p.value() / 100.0));
            result = min ? Math.min(result, proposed) : Math.max(result, proposed);
        }
        return result;
    }

    private int scaleDownLimit(int current, String key, HPAScalingRules rules, Instant now) {
        if (HPAScalingRules.DISABLED_POLICY_SELECT.equals(rules.selectPolicy())) {
            return current;
        }
        boolean min = HPAScalingRules.MIN_CHANGE_POLICY_SELECT.equals(rules.selectPolicy());
        int result = min ? Integer.MIN_VALUE : Integer.MAX_VALUE;
        for (HPAScalingPolicy p : rules.policies()) {
            int start = current - changeIn(scaleUpEvents, key, p, now) + changeIn(scaleDownEvents, key, p, now);
            int proposed = HPAScalingPolicy.PODS.equals(p.type()) ? start - p.value()
                    : (int) (start * (1 - p.value() / 100.0));
            result = min ? Math.max(result, proposed) : Math.min(result, proposed);
        }
        return result;
    }

    /** Replicas added (or removed) within the policy's period. */
    private static int changeIn(Map<String, List<ScaleEvent>> events, String key, HPAScalingPolicy p, Instant now) {
        Instant cutoff = now.minusSeconds(p.periodSeconds());
        int total = 0;
        for (ScaleEvent e : events.getOrDefault(key, List.of())) {
            if (e.timestamp().isAfter(cutoff)) {
                total += e.change();
            }
        }
        return total;
    }

    private static int window(HPAScalingRules rules, int byDefault) {
        return rules == null || rules.stabilizationWindowSeconds() == null ? byDefault : rules.stabilizationWindowSeconds();
    }
}
