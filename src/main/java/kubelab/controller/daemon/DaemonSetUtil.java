package kubelab.controller.daemon;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.apps.AppsV1;
import kubelab.api.apps.DaemonSet;
import kubelab.api.core.Affinity;
import kubelab.api.core.NodeAffinity;
import kubelab.api.core.NodeSelector;
import kubelab.api.core.NodeSelectorOperator;
import kubelab.api.core.NodeSelectorRequirement;
import kubelab.api.core.NodeSelectorTerm;
import kubelab.api.core.Pod;
import kubelab.api.core.PodCondition;
import kubelab.api.core.PodConditionType;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.core.TaintEffect;
import kubelab.api.core.Toleration;
import kubelab.api.core.TolerationOperator;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;
import kubelab.scheduler.plugins.helper.NodeSelectors;

/**
 * The small rules a DaemonSet's pods are made by: the tolerations every daemon pod gets, the
 * labels that tie a pod to a template version, the node affinity that pins a pod to its node, and
 * when a pod counts as ready, available and up to date.
 *
 * <p>Real Kubernetes: {@code pkg/controller/daemon/util/daemonset_util.go}, plus
 * {@code ComputeHash} in {@code pkg/controller/controller_utils.go} and {@code IsPodAvailable} in
 * {@code pkg/api/v1/pod/util.go}.
 */
public final class DaemonSetUtil {
    /** Label with the DaemonSet's generation when the pod was made (deprecated in Kubernetes, still set). */
    public static final String DAEMON_SET_TEMPLATE_GENERATION_KEY = "pod-template-generation";

    public static final String TAINT_NODE_NOT_READY = "node.kubernetes.io/not-ready";
    public static final String TAINT_NODE_UNREACHABLE = "node.kubernetes.io/unreachable";
    public static final String TAINT_NODE_DISK_PRESSURE = "node.kubernetes.io/disk-pressure";
    public static final String TAINT_NODE_MEMORY_PRESSURE = "node.kubernetes.io/memory-pressure";
    public static final String TAINT_NODE_PID_PRESSURE = "node.kubernetes.io/pid-pressure";
    public static final String TAINT_NODE_UNSCHEDULABLE = "node.kubernetes.io/unschedulable";
    public static final String TAINT_NODE_NETWORK_UNAVAILABLE = "node.kubernetes.io/network-unavailable";

    /** The characters {@code rand.SafeEncodeString} uses: no vowels, no confusable digits. */
    private static final String SAFE_ALPHANUMS = "bcdfghjklmnpqrstvwxz2456789";

    private DaemonSetUtil() {
    }

    /**
     * The template's tolerations plus those every daemon pod gets, so that a node agent keeps
     * running on a node that is not ready, unreachable, under pressure or cordoned. The NoExecute
     * ones have no {@code tolerationSeconds}: a daemon pod is never evicted for them.
     */
    // tag::daemon-tolerations[]
    public static List<Toleration> addOrUpdateDaemonPodTolerations(PodSpec spec) {
        List<Toleration> tolerations = new ArrayList<>(spec.tolerations());
        addIfMissing(tolerations, exists(TAINT_NODE_NOT_READY, TaintEffect.NO_EXECUTE));
        addIfMissing(tolerations, exists(TAINT_NODE_UNREACHABLE, TaintEffect.NO_EXECUTE));
        addIfMissing(tolerations, exists(TAINT_NODE_DISK_PRESSURE, TaintEffect.NO_SCHEDULE));
        addIfMissing(tolerations, exists(TAINT_NODE_MEMORY_PRESSURE, TaintEffect.NO_SCHEDULE));
        addIfMissing(tolerations, exists(TAINT_NODE_PID_PRESSURE, TaintEffect.NO_SCHEDULE));
        addIfMissing(tolerations, exists(TAINT_NODE_UNSCHEDULABLE, TaintEffect.NO_SCHEDULE));
        if (Boolean.TRUE.equals(spec.hostNetwork())) {
            // A network plugin runs with hostNetwork and must start before the node's network is up.
            addIfMissing(tolerations, exists(TAINT_NODE_NETWORK_UNAVAILABLE, TaintEffect.NO_SCHEDULE));
        }
        return tolerations;
    }
    // end::daemon-tolerations[]

    private static Toleration exists(String key, String effect) {
        return new Toleration(key, TolerationOperator.EXISTS, null, effect, null);
    }

    private static void addIfMissing(List<Toleration> tolerations, Toleration toleration) {
        if (!tolerations.contains(toleration)) {
            tolerations.add(toleration);
        }
    }

    /**
     * The DaemonSet's template as its pods get it: daemon tolerations added, and labelled with
     * the template generation and the {@code controller-revision-hash} of this template version.
     */
    public static PodTemplateSpec createPodTemplate(PodTemplateSpec template, Long generation, String hash) {
        ObjectMeta meta = template.metadata() == null ? ObjectMeta.named(null) : template.metadata();
        Map<String, String> labels = new LinkedHashMap<>(meta.labels());
        if (generation != null) {
            labels.put(DAEMON_SET_TEMPLATE_GENERATION_KEY, String.valueOf(generation));
        }
        if (hash != null && !hash.isEmpty()) {
            labels.put(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY, hash);
        }
        PodSpec spec = withScheduling(template.spec(), template.spec().affinity(),
                addOrUpdateDaemonPodTolerations(template.spec()));
        return new PodTemplateSpec(meta.withLabels(labels), spec);
    }

    /**
     * The affinity with its required node selector replaced by "metadata.name In [nodeName]": the
     * controller has already checked the template's node rules, and this pins the pod to its node
     * while leaving the binding to the default scheduler.
     */
    public static Affinity replaceDaemonSetPodNodeNameNodeAffinity(Affinity affinity, String nodeName) {
        NodeSelectorRequirement byName = new NodeSelectorRequirement(NodeSelectors.NODE_FIELD_SELECTOR_KEY_NODE_NAME,
                NodeSelectorOperator.IN, List.of(nodeName));
        NodeSelector required = new NodeSelector(List.of(new NodeSelectorTerm(null, List.of(byName))));
        if (affinity == null) {
            return new Affinity(new NodeAffinity(required, null), null, null);
        }
        NodeAffinity nodeAffinity = affinity.nodeAffinity();
        List<kubelab.api.core.PreferredSchedulingTerm> preferred =
                nodeAffinity == null ? null : nodeAffinity.preferredDuringSchedulingIgnoredDuringExecution();
        return new Affinity(new NodeAffinity(required, preferred), affinity.podAffinity(), affinity.podAntiAffinity());
    }

    /** A copy of {@code spec} with this affinity and these tolerations (through JSON: PodSpec has 42 fields). */
    static PodSpec withScheduling(PodSpec spec, Affinity affinity, List<Toleration> tolerations) {
        ObjectNode tree = (ObjectNode) Json.toTree(spec);
        tree.set("affinity", Json.toTree(affinity));
        tree.set("tolerations", Json.toTree(tolerations));
        return Json.fromTree(tree, PodSpec.class);
    }

    /**
     * The node a daemon pod is for: its {@code spec.nodeName} once bound, otherwise the single
     * name its required node affinity allows; null if neither says.
     */
    public static String getTargetNodeName(Pod pod) {
        if (pod.spec().nodeName() != null && !pod.spec().nodeName().isEmpty()) {
            return pod.spec().nodeName();
        }
        Affinity affinity = pod.spec().affinity();
        if (affinity == null || affinity.nodeAffinity() == null
                || affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution() == null) {
            return null;
        }
        for (NodeSelectorTerm term : affinity.nodeAffinity().requiredDuringSchedulingIgnoredDuringExecution().nodeSelectorTerms()) {
            for (NodeSelectorRequirement r : term.matchFields()) {
                if (NodeSelectors.NODE_FIELD_SELECTOR_KEY_NODE_NAME.equals(r.key())
                        && NodeSelectorOperator.IN.equals(r.operator()) && r.values().size() == 1) {
                    return r.values().get(0);
                }
            }
        }
        return null;
    }

    /** Whether the pod was made from the DaemonSet's current template (by hash, or by generation). */
    public static boolean isPodUpdated(Pod pod, String hash, Long generation) {
        Map<String, String> labels = pod.metadata().labels();
        boolean templateMatches = generation != null
                && String.valueOf(generation).equals(labels.get(DAEMON_SET_TEMPLATE_GENERATION_KEY));
        boolean hashMatches = hash != null && !hash.isEmpty()
                && hash.equals(labels.get(AppsV1.CONTROLLER_REVISION_HASH_LABEL_KEY));
        return hashMatches || templateMatches;
    }

    /**
     * The {@code controller-revision-hash} of a template: FNV-32a over its JSON (and the collision
     * count, when set), written with {@code SafeEncodeString}'s alphabet so it is a valid label
     * value that never spells a word.
     */
    public static String computeHash(PodTemplateSpec template, Integer collisionCount) {
        byte[] bytes = Json.toBytes(template);
        int hash = 0x811c9dc5;
        for (byte b : bytes) {
            hash ^= b & 0xff;
            hash *= 0x01000193;
        }
        if (collisionCount != null) {
            for (byte b : String.valueOf(collisionCount).getBytes(StandardCharsets.UTF_8)) {
                hash ^= b & 0xff;
                hash *= 0x01000193;
            }
        }
        String decimal = Integer.toUnsignedString(hash);
        StringBuilder out = new StringBuilder(decimal.length());
        for (char c : decimal.toCharArray()) {
            out.append(SAFE_ALPHANUMS.charAt(c % SAFE_ALPHANUMS.length()));
        }
        return out.toString();
    }

    /** The DaemonSet's hash for its current template. */
    public static String currentHash(DaemonSet ds) {
        Integer collisions = ds.status() == null ? null : ds.status().collisionCount();
        return computeHash(ds.spec().template(), collisions);
    }

    /** Whether the pod's Ready condition is True. */
    public static boolean isPodReady(Pod pod) {
        PodCondition ready = pod.status() == null ? null : pod.status().condition(PodConditionType.READY);
        return ready != null && ready.isTrue();
    }

    /** Whether the pod has been ready for at least {@code minReadySeconds} at {@code now}. */
    public static boolean isPodAvailable(Pod pod, int minReadySeconds, Instant now) {
        if (!isPodReady(pod)) {
            return false;
        }
        if (minReadySeconds == 0) {
            return true;
        }
        Instant since = pod.status().condition(PodConditionType.READY).lastTransitionTime();
        return since != null && !since.plusSeconds(minReadySeconds).isAfter(now);
    }
}
