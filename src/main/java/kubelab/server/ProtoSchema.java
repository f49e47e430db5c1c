package kubelab.server;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;

/**
 * Which kinds this server reads from a protobuf request body, and their message tables: the
 * kinds kubectl 1.32's imperative commands ({@code create deployment|service|job|cronjob|…},
 * {@code run}, {@code expose}) send as protobuf. An object read here is the same JSON tree its
 * JSON form gives, so the rest of the request path does not know which one came.
 *
 * <p>Real Kubernetes: the protobuf serializer of {@code k8s.io/apimachinery/pkg/runtime/serializer/protobuf}
 * finds a kind's Go type in the scheme and calls its generated {@code Unmarshal}.
 */
final class ProtoSchema {
    private ProtoSchema() {
    }

    /** apiVersion/kind → its message. */
    private static final Map<String, ProtoMessage> KINDS = new TreeMap<>(Map.ofEntries(
            Map.entry("v1/Pod", ProtoSchemaCore.POD),
            Map.entry("v1/Service", ProtoSchemaCore.SERVICE),
            Map.entry("v1/Namespace", ProtoSchemaCore.NAMESPACE),
            Map.entry("v1/ConfigMap", ProtoSchemaCore.CONFIG_MAP),
            Map.entry("v1/Secret", ProtoSchemaCore.SECRET),
            Map.entry("v1/ServiceAccount", ProtoSchemaCore.SERVICE_ACCOUNT),
            Map.entry("v1/ResourceQuota", ProtoSchemaCore.RESOURCE_QUOTA),
            Map.entry("apps/v1/Deployment", ProtoSchemaGroups.DEPLOYMENT),
            Map.entry("batch/v1/Job", ProtoSchemaGroups.JOB),
            Map.entry("batch/v1/CronJob", ProtoSchemaGroups.CRON_JOB),
            Map.entry("rbac.authorization.k8s.io/v1/Role", ProtoSchemaGroups.ROLE),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRole", ProtoSchemaGroups.CLUSTER_ROLE),
            Map.entry("rbac.authorization.k8s.io/v1/RoleBinding", ProtoSchemaGroups.ROLE_BINDING),
            Map.entry("rbac.authorization.k8s.io/v1/ClusterRoleBinding", ProtoSchemaGroups.ROLE_BINDING),
            Map.entry("policy/v1/PodDisruptionBudget", ProtoSchemaGroups.POD_DISRUPTION_BUDGET),
            Map.entry("scheduling.k8s.io/v1/PriorityClass", ProtoSchemaGroups.PRIORITY_CLASS),
            Map.entry("networking.k8s.io/v1/Ingress", ProtoSchemaGroups.INGRESS)));

    /**
     * The object in {@code e} as JSON (with its apiVersion and kind), or null when its kind is not
     * one this server reads as protobuf.
     *
     * @throws kubelab.apiserver.ApiException 400 for a malformed body, naming the field being read
     */
    static ObjectNode decode(ProtoReader.Envelope e) {
        ProtoMessage type = KINDS.get(e.apiVersion() + "/" + e.kind());
        if (type == null) {
            return null;
        }
        ObjectNode fields = type.decode(ProtoReader.of(e.raw()), e.kind());
        ObjectNode o = fields.objectNode();
        o.put("apiVersion", e.apiVersion());
        o.put("kind", e.kind());
        o.setAll(fields);
        return o;
    }

    /** The kinds {@link #decode} reads, for the advice of a 415. */
    static String kinds() {
        return String.join(", ", KINDS.keySet().stream().map(k -> k.substring(k.lastIndexOf('/') + 1)).distinct().sorted().toList());
    }
}
