package kubelab.controller.deployment;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kubelab.api.apps.Deployment;
import kubelab.api.apps.DeploymentStrategy;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;

/**
 * The bookkeeping a Deployment keeps on its ReplicaSets: the annotations (revision, revision
 * history, desired and max replicas), which ReplicaSet is the new one (its template equals the
 * Deployment's, ignoring the hash label), and the rolling-update bounds maxSurge and maxUnavailable.
 *
 * <p>Real Kubernetes: {@code pkg/controller/deployment/util/deployment_util.go}.
 */
public final class DeploymentUtil {
    /** The revision of a ReplicaSet (and of its Deployment): its rank in the rollout sequence. */
    public static final String REVISION_ANNOTATION = "deployment.kubernetes.io/revision";
    /** The revisions a ReplicaSet had before a rollback gave it a new one, comma-separated. */
    public static final String REVISION_HISTORY_ANNOTATION = "deployment.kubernetes.io/revision-history";
    /** spec.replicas of the Deployment when it last sized this ReplicaSet: tells scaling from rolling. */
    public static final String DESIRED_REPLICAS_ANNOTATION = "deployment.kubernetes.io/desired-replicas";
    /** spec.replicas + maxSurge at that time: the base of proportional scaling. */
    public static final String MAX_REPLICAS_ANNOTATION = "deployment.kubernetes.io/max-replicas";
    /** Why this revision was made; {@code kubectl rollout history} prints it. */
    public static final String CHANGE_CAUSE_ANNOTATION = "kubernetes.io/change-cause";
    static final String LAST_APPLIED_ANNOTATION = "kubectl.kubernetes.io/last-applied-configuration";
    static final String DEPRECATED_ROLLBACK_TO = "deprecated.deployment.rollback.to";
    /** The revision-history annotation stops growing at this many characters. */
    static final int MAX_REV_HISTORY_LENGTH_IN_CHARS = 2000;

    /** Annotations of a Deployment that are not copied to its ReplicaSets (and back on rollback). */
    static final Set<String> ANNOTATIONS_TO_SKIP = Set.of(LAST_APPLIED_ANNOTATION, REVISION_ANNOTATION,
            REVISION_HISTORY_ANNOTATION, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, DEPRECATED_ROLLBACK_TO);

    private DeploymentUtil() {
    }

    static int replicas(Deployment d) {
        return d.spec().replicas() == null ? 1 : d.spec().replicas();
    }

    static boolean isRollingUpdate(Deployment d) {
        return d.spec().strategy() == null || !DeploymentStrategy.RECREATE.equals(d.spec().strategy().type());
    }

    static boolean isRecreate(Deployment d) {
        return !isRollingUpdate(d);
    }

    static boolean paused(Deployment d) {
        return Boolean.TRUE.equals(d.spec().paused());
    }

    /** True unless progressDeadlineSeconds is unset or MaxInt32 (Kubernetes' "no deadline"). */
    static boolean hasProgressDeadline(Deployment d) {
        Integer s = d.spec().progressDeadlineSeconds();
        return s != null && s != Integer.MAX_VALUE;
    }

    static int minReadySeconds(Deployment d) {
        return d.spec().minReadySeconds() == null ? 0 : d.spec().minReadySeconds();
    }

    // ---- rolling-update bounds ----

    /**
     * maxSurge rounded up and maxUnavailable rounded down against {@code desired}; when both come to
     * 0 (validation forbids it for explicit values, but 25% of 3 rounds down to 0) maxUnavailable
     * becomes 1, on the theory that surging may be impossible (quota) while unavailability is not.
     *
     * @return {@code [maxSurge, maxUnavailable]}
     */
    // tag::resolve-fenceposts[]
    static int[] resolveFenceposts(IntOrString maxSurge, IntOrString maxUnavailable, int desired) {
        int surge = (maxSurge == null ? IntOrString.of(0) : maxSurge).scaledValue(desired, true);
        int unavailable = (maxUnavailable == null ? IntOrString.of(0) : maxUnavailable).scaledValue(desired, false);
        if (surge == 0 && unavailable == 0) {
            unavailable = 1;
        }
        return new int[] {surge, unavailable};
    }
    // end::resolve-fenceposts[]

    private static int[] fenceposts(Deployment d) {
        var ru = d.spec().strategy() == null ? null : d.spec().strategy().rollingUpdate();
        IntOrString surge = ru == null || ru.maxSurge() == null ? IntOrString.of("25%") : ru.maxSurge();
        IntOrString unavailable = ru == null || ru.maxUnavailable() == null ? IntOrString.of("25%") : ru.maxUnavailable();
        return resolveFenceposts(surge, unavailable, replicas(d));
    }

    /** How many pods above spec.replicas a rollout may create (0 for Recreate). */
    public static int maxSurge(Deployment d) {
        return isRollingUpdate(d) ? fenceposts(d)[0] : 0;
    }

    /** How many pods below spec.replicas a rollout may leave unavailable (0 for Recreate), at most replicas. */
    public static int maxUnavailable(Deployment d) {
        if (!isRollingUpdate(d) || replicas(d) == 0) {
            return 0;
        }
        return Math.min(fenceposts(d)[1], replicas(d));
    }

    /** The size the new ReplicaSet may grow to now: up to spec.replicas, within replicas + maxSurge in all. */
    static int newRSNewReplicas(Deployment d, List<ReplicaSet> allRSs, ReplicaSet newRS) {
        if (isRecreate(d)) {
            return replicas(d);
        }
        int maxTotalPods = replicas(d) + maxSurge(d);
        int currentPodCount = ReplicaSets.replicaCount(allRSs);
        if (currentPodCount >= maxTotalPods) {
            return ReplicaSets.replicas(newRS); // cannot scale up
        }
        int scaleUpCount = Math.min(maxTotalPods - currentPodCount, replicas(d) - ReplicaSets.replicas(newRS));
        return ReplicaSets.replicas(newRS) + scaleUpCount;
    }

    // ---- which ReplicaSet is new ----

    /** True if the templates are equal once the pod-template-hash label is taken out of both. */
    public static boolean equalIgnoreHash(PodTemplateSpec a, PodTemplateSpec b) {
        return Objects.equals(withoutHash(a), withoutHash(b));
    }

    private static JsonNode withoutHash(PodTemplateSpec t) {
        return t == null ? null : Json.toTree(withoutHashLabel(t));
    }

    /** The template without the pod-template-hash label (what a rollback copies into the Deployment). */
    static PodTemplateSpec withoutHashLabel(PodTemplateSpec t) {
        ObjectMeta m = t.metadata();
        if (m == null || !m.labels().containsKey(PodTemplateHash.LABEL)) {
            return t;
        }
        Map<String, String> labels = new LinkedHashMap<>(m.labels());
        labels.remove(PodTemplateHash.LABEL);
        return t.withMetadata(m.withLabels(labels));
    }

    /** The oldest ReplicaSet whose template is the Deployment's, or null. */
    static ReplicaSet findNewReplicaSet(Deployment d, List<ReplicaSet> rsList) {
        return rsList.stream().sorted(ReplicaSets.BY_CREATION_TIMESTAMP)
                .filter(rs -> equalIgnoreHash(rs.spec().template(), d.spec().template()))
                .findFirst().orElse(null);
    }

    /** Every ReplicaSet but the new one. */
    static List<ReplicaSet> findOldReplicaSets(Deployment d, List<ReplicaSet> rsList) {
        ReplicaSet newRS = findNewReplicaSet(d, rsList);
        return rsList.stream()
                .filter(rs -> newRS == null || !Objects.equals(rs.metadata().uid(), newRS.metadata().uid()))
                .toList();
    }

    // ---- revisions and annotations ----

    /** A ReplicaSet's revision; 0 if it has none (or a bad one). */
    public static long revision(ReplicaSet rs) {
        String v = rs.metadata().annotations().get(REVISION_ANNOTATION);
        try {
            return v == null ? 0 : Long.parseLong(v);
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    static long maxRevision(List<ReplicaSet> rss) {
        return rss.stream().mapToLong(DeploymentUtil::revision).max().orElse(0);
    }

    /** The desired-replicas annotation, or null. */
    static Integer desiredReplicasAnnotation(ReplicaSet rs) {
        return intAnnotation(rs, DESIRED_REPLICAS_ANNOTATION);
    }

    static Integer maxReplicasAnnotation(ReplicaSet rs) {
        return intAnnotation(rs, MAX_REPLICAS_ANNOTATION);
    }

    private static Integer intAnnotation(ReplicaSet rs, String key) {
        String v = rs.metadata().annotations().get(key);
        try {
            return v == null ? null : Integer.parseInt(v);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    static boolean replicasAnnotationsNeedUpdate(ReplicaSet rs, int desired, int max) {
        Map<String, String> a = rs.metadata().annotations();
        return !String.valueOf(desired).equals(a.get(DESIRED_REPLICAS_ANNOTATION))
                || !String.valueOf(max).equals(a.get(MAX_REPLICAS_ANNOTATION));
    }

    static ReplicaSet withReplicasAnnotations(ReplicaSet rs, int desired, int max) {
        return rs.withMetadata(rs.metadata().withAnnotation(DESIRED_REPLICAS_ANNOTATION, String.valueOf(desired))
                .withAnnotation(MAX_REPLICAS_ANNOTATION, String.valueOf(max)));
    }

    /**
     * The new ReplicaSet with its annotations brought up to date: the Deployment's own annotations
     * copied (change-cause included), its revision raised to {@code newRevision} if lower (the old
     * revision then goes to revision-history: this ReplicaSet is being rolled back to), and, for a
     * ReplicaSet about to be created, the desired and max replicas.
     */
    static ReplicaSet withNewReplicaSetAnnotations(Deployment d, ReplicaSet rs, long newRevision, boolean exists) {
        Map<String, String> a = new LinkedHashMap<>(rs.metadata().annotations());
        d.metadata().annotations().forEach((k, v) -> {
            if (!ANNOTATIONS_TO_SKIP.contains(k)) {
                a.put(k, v);
            }
        });
        String oldRevision = a.get(REVISION_ANNOTATION);
        long oldRevisionInt;
        try {
            oldRevisionInt = oldRevision == null || oldRevision.isEmpty() ? 0 : Long.parseLong(oldRevision);
        } catch (NumberFormatException e) {
            return rs; // Kubernetes leaves a ReplicaSet with a bad revision alone
        }
        if (oldRevisionInt < newRevision) {
            a.put(REVISION_ANNOTATION, String.valueOf(newRevision));
            if (oldRevision != null) {
                appendRevisionHistory(a, oldRevision);
            }
        }
        if (!exists) {
            a.put(DESIRED_REPLICAS_ANNOTATION, String.valueOf(replicas(d)));
            a.put(MAX_REPLICAS_ANNOTATION, String.valueOf(replicas(d) + maxSurge(d)));
        }
        return rs.withMetadata(rs.metadata().withAnnotations(a));
    }

    /** Appends {@code oldRevision}, dropping the oldest entries to stay within 2000 characters. */
    private static void appendRevisionHistory(Map<String, String> a, String oldRevision) {
        String history = a.getOrDefault(REVISION_HISTORY_ANNOTATION, "");
        if (history.isEmpty()) {
            a.put(REVISION_HISTORY_ANNOTATION, oldRevision);
            return;
        }
        List<String> old = new ArrayList<>(Arrays.asList(history.split(",", -1)));
        int totalLen = history.length() + oldRevision.length() + 1;
        int start = 0;
        while (totalLen > MAX_REV_HISTORY_LENGTH_IN_CHARS && start < old.size()) {
            totalLen -= old.get(start).length() + 1;
            start++;
        }
        if (totalLen <= MAX_REV_HISTORY_LENGTH_IN_CHARS) {
            List<String> kept = new ArrayList<>(old.subList(start, old.size()));
            kept.add(oldRevision);
            a.put(REVISION_HISTORY_ANNOTATION, String.join(",", kept));
        }
    }
}
