package kubelab.server;

import static kubelab.server.ProtoMessage.message;
import static kubelab.server.ProtoSchemaCore.POD_TEMPLATE_SPEC;
import static kubelab.server.ProtoSchemaMeta.LABEL_SELECTOR;
import static kubelab.server.ProtoSchemaMeta.OBJECT_META;

/**
 * The protobuf tables of the named API groups whose kinds kubectl's imperative commands create:
 * Deployment (apps/v1), Job and CronJob (batch/v1), Role, ClusterRole and their bindings
 * (rbac.authorization.k8s.io/v1), PodDisruptionBudget (policy/v1), PriorityClass
 * (scheduling.k8s.io/v1) and Ingress (networking.k8s.io/v1).
 *
 * <p>Real Kubernetes: the {@code generated.proto} of {@code k8s.io/api/apps/v1}, {@code batch/v1},
 * {@code rbac/v1}, {@code policy/v1}, {@code scheduling/v1} and {@code networking/v1}.
 */
final class ProtoSchemaGroups {
    private ProtoSchemaGroups() {
    }

    // apps/v1

    static final ProtoMessage DEPLOYMENT = message("Deployment")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("DeploymentSpec")
                    .integer(1, "replicas").keepZero().message(2, "selector", LABEL_SELECTOR)
                    .message(3, "template", POD_TEMPLATE_SPEC)
                    .message(4, "strategy", message("DeploymentStrategy")
                            .string(1, "type")
                            .message(2, "rollingUpdate", message("RollingUpdateDeployment")
                                    .intOrString(1, "maxUnavailable").intOrString(2, "maxSurge")))
                    .integer(5, "minReadySeconds").integer(6, "revisionHistoryLimit").keepZero()
                    .bool(7, "paused").integer(9, "progressDeadlineSeconds").keepZero());

    // batch/v1

    static final ProtoMessage JOB_SPEC = message("JobSpec")
            .integer(1, "parallelism").keepZero().integer(2, "completions").keepZero()
            .integer(3, "activeDeadlineSeconds").keepZero().message(4, "selector", LABEL_SELECTOR)
            .bool(5, "manualSelector").keepZero().message(6, "template", POD_TEMPLATE_SPEC)
            .integer(7, "backoffLimit").keepZero().integer(8, "ttlSecondsAfterFinished").keepZero()
            .string(9, "completionMode").bool(10, "suspend").keepZero();

    static final ProtoMessage JOB = message("Job")
            .message(1, "metadata", OBJECT_META).message(2, "spec", JOB_SPEC);

    static final ProtoMessage CRON_JOB = message("CronJob")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("CronJobSpec")
                    .string(1, "schedule").integer(2, "startingDeadlineSeconds").keepZero()
                    .string(3, "concurrencyPolicy").bool(4, "suspend").keepZero()
                    .message(5, "jobTemplate", message("JobTemplateSpec")
                            .message(1, "metadata", OBJECT_META).message(2, "spec", JOB_SPEC))
                    .integer(6, "successfulJobsHistoryLimit").keepZero().integer(7, "failedJobsHistoryLimit").keepZero()
                    .string(8, "timeZone"));

    // rbac.authorization.k8s.io/v1

    static final ProtoMessage POLICY_RULE = message("PolicyRule")
            .strings(1, "verbs").strings(2, "apiGroups").strings(3, "resources").strings(4, "resourceNames")
            .strings(5, "nonResourceURLs");

    static final ProtoMessage ROLE = message("Role")
            .message(1, "metadata", OBJECT_META).messages(2, "rules", POLICY_RULE);

    static final ProtoMessage CLUSTER_ROLE = message("ClusterRole")
            .message(1, "metadata", OBJECT_META).messages(2, "rules", POLICY_RULE)
            .message(3, "aggregationRule", message("AggregationRule").messages(1, "clusterRoleSelectors", LABEL_SELECTOR));

    /** RoleBinding and ClusterRoleBinding have the same fields. */
    static final ProtoMessage ROLE_BINDING = message("RoleBinding")
            .message(1, "metadata", OBJECT_META)
            .messages(2, "subjects", message("Subject")
                    .string(1, "kind").string(2, "apiGroup").string(3, "name").string(4, "namespace"))
            .message(3, "roleRef", message("RoleRef").string(1, "apiGroup").string(2, "kind").string(3, "name"));

    // policy/v1

    static final ProtoMessage POD_DISRUPTION_BUDGET = message("PodDisruptionBudget")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("PodDisruptionBudgetSpec")
                    .intOrString(1, "minAvailable").message(2, "selector", LABEL_SELECTOR)
                    .intOrString(3, "maxUnavailable").string(4, "unhealthyPodEvictionPolicy"));

    // scheduling.k8s.io/v1

    static final ProtoMessage PRIORITY_CLASS = message("PriorityClass")
            .message(1, "metadata", OBJECT_META).integer(2, "value").keepZero().bool(3, "globalDefault")
            .string(4, "description").string(5, "preemptionPolicy");

    // networking.k8s.io/v1

    static final ProtoMessage INGRESS_BACKEND = message("IngressBackend")
            .message(3, "resource", message("TypedLocalObjectReference")
                    .string(1, "apiGroup").string(2, "kind").string(3, "name"))
            .message(4, "service", message("IngressServiceBackend")
                    .string(1, "name")
                    .message(2, "port", message("ServiceBackendPort").string(1, "name").integer(2, "number")));

    static final ProtoMessage INGRESS = message("Ingress")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("IngressSpec")
                    .message(1, "defaultBackend", INGRESS_BACKEND)
                    .messages(2, "tls", message("IngressTLS").strings(1, "hosts").string(2, "secretName"))
                    .messages(3, "rules", message("IngressRule")
                            .string(1, "host")
                            .inline(2, message("IngressRuleValue")
                                    .message(1, "http", message("HTTPIngressRuleValue")
                                            .messages(1, "paths", message("HTTPIngressPath")
                                                    .string(1, "path").message(2, "backend", INGRESS_BACKEND)
                                                    .string(3, "pathType")))))
                    .string(4, "ingressClassName"));
}
