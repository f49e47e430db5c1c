package kubelab.apiserver.registry.core;

import static kubelab.apiserver.registry.validation.JsonDefaults.putIfAbsent;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;

/**
 * The defaults Kubernetes fills into a pod spec, applied to its JSON so that every field is
 * named as a manifest names it. {@link #applyToTemplateSpec} defaults the pod templates of
 * Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs and ReplicationControllers with the
 * same rules, less the few that Kubernetes applies to Pods only.
 *
 * <p>Real Kubernetes: {@code SetDefaults_PodSpec}, {@code SetDefaults_Container},
 * {@code SetDefaults_Probe} and friends in {@code pkg/apis/core/v1/defaults.go}.
 */
public final class PodDefaults {
    /** 0644: the default file mode of secret, configMap, downwardAPI and projected volumes. */
    private static final int DEFAULT_MODE = 420;

    private PodDefaults() {
    }

    /** Fills defaults into a pod spec tree, in place: the pod template defaults and the Pod-only ones. */
    public static void applyToSpec(ObjectNode spec) {
        applyToTemplateSpec(spec);
        // Pod-only defaults (SetDefaults_Pod): a template keeps these unset, so that changing them
        // here never changes every Deployment's template and rolls out new pods.
        if (!spec.has("enableServiceLinks")) {
            spec.put("enableServiceLinks", true);
        }
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : spec.path(list)) {
                defaultRequestsToLimits((ObjectNode) c);
            }
        }
    }

    /** Defaults the pod template {@code holder.template.spec} of a workload's spec tree, if there is one. */
    public static void applyToTemplateOf(ObjectNode holder) {
        if (holder != null && holder.get("template") instanceof ObjectNode t && t.get("spec") instanceof ObjectNode spec) {
            applyToTemplateSpec(spec);
        }
    }

    /**
     * Fills the defaults every pod spec gets, in place, including the {@code spec.template.spec}
     * of Deployments, ReplicaSets, DaemonSets, StatefulSets, Jobs and ReplicationControllers.
     */
    public static void applyToTemplateSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("terminationGracePeriodSeconds")) {
            spec.put("terminationGracePeriodSeconds", 30);
        }
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        boolean hostNetwork = spec.path("hostNetwork").asBoolean(false);
        for (String list : new String[] {"initContainers", "containers"}) {
            for (JsonNode c : spec.path(list)) {
                applyToContainer((ObjectNode) c);
                if (hostNetwork) {
                    // On the node's network a container port is a node port: hostPort defaults to it.
                    for (JsonNode port : c.path("ports")) {
                        if (port instanceof ObjectNode p && p.path("hostPort").asInt(0) == 0 && p.has("containerPort")) {
                            p.set("hostPort", p.get("containerPort"));
                        }
                    }
                }
            }
        }
        for (JsonNode v : spec.path("volumes")) {
            applyToVolume((ObjectNode) v);
        }
    }

    private static void applyToContainer(ObjectNode c) {
        putIfAbsent(c, "imagePullPolicy", pullPolicyFor(c.path("image").asText("")));
        putIfAbsent(c, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(c, "terminationMessagePolicy", "File");
        for (JsonNode port : c.path("ports")) {
            putIfAbsent((ObjectNode) port, "protocol", "TCP");
        }
        for (String probe : new String[] {"livenessProbe", "readinessProbe", "startupProbe"}) {
            if (c.get(probe) instanceof ObjectNode p) {
                applyToProbe(p);
            }
        }
    }

    /** A limit without a request: the request defaults to the limit (pods only, not templates). */
    private static void defaultRequestsToLimits(ObjectNode c) {
        JsonNode resources = c.get("resources");
        if (resources instanceof ObjectNode r && r.get("limits") instanceof ObjectNode limits) {
            ObjectNode requests = r.get("requests") instanceof ObjectNode q ? q : r.putObject("requests");
            for (Iterator<Map.Entry<String, JsonNode>> it = limits.fields(); it.hasNext(); ) {
                Map.Entry<String, JsonNode> e = it.next();
                if (!requests.has(e.getKey())) {
                    requests.set(e.getKey(), e.getValue());
                }
            }
        }
    }

    private static void applyToProbe(ObjectNode p) {
        putIfAbsent(p, "timeoutSeconds", 1);
        putIfAbsent(p, "periodSeconds", 10);
        putIfAbsent(p, "successThreshold", 1);
        putIfAbsent(p, "failureThreshold", 3);
        if (p.get("httpGet") instanceof ObjectNode http) {
            putIfAbsent(http, "path", "/");
            putIfAbsent(http, "scheme", "HTTP");
        }
    }

    private static void applyToVolume(ObjectNode v) {
        for (String source : new String[] {"secret", "configMap", "downwardAPI", "projected"}) {
            if (v.get(source) instanceof ObjectNode s) {
                putIfAbsent(s, "defaultMode", DEFAULT_MODE);
            }
        }
        if (v.get("hostPath") instanceof ObjectNode h) {
            putIfAbsent(h, "type", "");
        }
    }

    /**
     * {@code Always} for an image without a tag or with {@code :latest}, else {@code IfNotPresent}:
     * a moving tag must be pulled each time, a fixed one need not.
     */
    public static String pullPolicyFor(String image) {
        if (image.contains("@")) {
            return "IfNotPresent";
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        boolean tagged = colon > slash;
        return !tagged || image.endsWith(":latest") ? "Always" : "IfNotPresent";
    }
}
