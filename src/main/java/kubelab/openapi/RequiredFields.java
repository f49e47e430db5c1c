package kubelab.openapi;

import java.util.List;
import java.util.Map;

/**
 * The fields Kubernetes marks required in its OpenAPI documents, for the types KubeLab models:
 * {@code kubectl} refuses (client-side validation) or the server rejects an object without them.
 * A field is listed only where Kubernetes 1.20 and 1.32 both require it, so that neither kubectl
 * rejects a manifest the other accepts; everything else is optional.
 *
 * <p>The Java records cannot say this themselves: in Go it is the absence of {@code omitempty}
 * (or a {@code +required} marker) on the struct tag, which has no runtime trace in a record.
 *
 * <p>Real Kubernetes: the {@code required} lists generated into {@code api/openapi-spec/swagger.json}
 * by {@code k8s.io/kube-openapi/cmd/openapi-gen}.
 */
final class RequiredFields {
    private RequiredFields() {
    }

    /** Simple type name to required JSON field names; a name absent from a record is ignored. */
    private static final Map<String, List<String>> REQUIRED = Map.ofEntries(
            // core/v1
            Map.entry("Container", List.of("name")),
            Map.entry("EphemeralContainer", List.of("name")),
            Map.entry("PodSpec", List.of("containers")),
            Map.entry("ContainerPort", List.of("containerPort")),
            Map.entry("EnvVar", List.of("name")),
            Map.entry("VolumeMount", List.of("name", "mountPath")),
            Map.entry("VolumeDevice", List.of("name", "devicePath")),
            Map.entry("Volume", List.of("name")),
            Map.entry("KeyToPath", List.of("key", "path")),
            Map.entry("ConfigMapKeySelector", List.of("key")),
            Map.entry("SecretKeySelector", List.of("key")),
            Map.entry("ObjectFieldSelector", List.of("fieldPath")),
            Map.entry("ResourceFieldSelector", List.of("resource")),
            Map.entry("HTTPGetAction", List.of("port")),
            Map.entry("TCPSocketAction", List.of("port")),
            Map.entry("HTTPHeader", List.of("name", "value")),
            Map.entry("ServicePort", List.of("port")),
            Map.entry("NodeSelector", List.of("nodeSelectorTerms")),
            Map.entry("NodeSelectorRequirement", List.of("key", "operator")),
            Map.entry("PreferredSchedulingTerm", List.of("weight", "preference")),
            Map.entry("PodAffinityTerm", List.of("topologyKey")),
            Map.entry("WeightedPodAffinityTerm", List.of("weight", "podAffinityTerm")),
            Map.entry("Taint", List.of("key", "effect")),
            Map.entry("NodeAddress", List.of("type", "address")),
            Map.entry("NodeCondition", List.of("type", "status")),
            Map.entry("PodCondition", List.of("type", "status")),
            Map.entry("NamespaceCondition", List.of("type", "status")),
            Map.entry("ContainerStatus", List.of("name", "ready", "restartCount", "image", "imageID")),
            Map.entry("EndpointAddress", List.of("ip")),
            Map.entry("EndpointPort", List.of("port")),
            Map.entry("Event", List.of("metadata", "involvedObject")),
            Map.entry("Binding", List.of("target")),
            Map.entry("TopologySpreadConstraint", List.of("maxSkew", "topologyKey", "whenUnsatisfiable")),
            // meta/v1
            Map.entry("OwnerReference", List.of("apiVersion", "kind", "name", "uid")),
            Map.entry("LabelSelectorRequirement", List.of("key", "operator")),
            Map.entry("Condition", List.of("type", "status", "lastTransitionTime", "reason", "message")),
            // apps/v1
            Map.entry("DeploymentSpec", List.of("selector", "template")),
            Map.entry("ReplicaSetSpec", List.of("selector")),
            Map.entry("DaemonSetSpec", List.of("selector", "template")),
            Map.entry("StatefulSetSpec", List.of("selector", "template")),
            Map.entry("DeploymentCondition", List.of("type", "status")),
            Map.entry("ReplicaSetCondition", List.of("type", "status")),
            Map.entry("DaemonSetCondition", List.of("type", "status")),
            Map.entry("StatefulSetCondition", List.of("type", "status")),
            // batch/v1
            Map.entry("JobSpec", List.of("template")),
            Map.entry("CronJobSpec", List.of("schedule", "jobTemplate")),
            Map.entry("JobCondition", List.of("type", "status")),
            // rbac/v1
            Map.entry("PolicyRule", List.of("verbs")),
            Map.entry("RoleRef", List.of("apiGroup", "kind", "name")),
            Map.entry("Subject", List.of("kind", "name")),
            Map.entry("RoleBinding", List.of("roleRef")),
            Map.entry("ClusterRoleBinding", List.of("roleRef")),
            // networking/v1
            Map.entry("HTTPIngressRuleValue", List.of("paths")),
            Map.entry("HTTPIngressPath", List.of("pathType", "backend")),
            // autoscaling/v2
            Map.entry("HorizontalPodAutoscalerSpec", List.of("scaleTargetRef", "maxReplicas")),
            Map.entry("CrossVersionObjectReference", List.of("kind", "name")),
            Map.entry("MetricSpec", List.of("type")),
            Map.entry("MetricTarget", List.of("type")),
            // discovery/v1
            Map.entry("EndpointSlice", List.of("addressType", "endpoints")),
            Map.entry("Endpoint", List.of("addresses")));

    /** The required fields of a type, by its simple name. */
    static List<String> of(Class<?> type) {
        return REQUIRED.getOrDefault(type.getSimpleName(), List.of());
    }
}
