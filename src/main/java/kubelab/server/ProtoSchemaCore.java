package kubelab.server;

import static kubelab.server.ProtoMessage.message;
import static kubelab.server.ProtoSchemaMeta.OBJECT_META;

/**
 * The protobuf tables of {@code core/v1} for what kubectl's imperative commands create: Pod (with
 * PodSpec, Container and what a container names), PodTemplateSpec, Service, Namespace, ConfigMap,
 * Secret, ServiceAccount and ResourceQuota. Fields a learner's cluster has no use for (probes,
 * security contexts, affinity, most volume sources) are not listed, and so are skipped.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/core/v1/generated.proto}.
 */
final class ProtoSchemaCore {
    private ProtoSchemaCore() {
    }

    static final ProtoMessage CONTAINER_PORT = message("ContainerPort")
            .string(1, "name").integer(2, "hostPort").integer(3, "containerPort").string(4, "protocol")
            .string(5, "hostIP");

    static final ProtoMessage KEY_REF = message("ConfigMapKeySelector")   // and SecretKeySelector: same numbers
            .inline(1, message("LocalObjectReference").string(1, "name"))
            .string(2, "key").bool(3, "optional").keepZero();

    static final ProtoMessage ENV_VAR = message("EnvVar")
            .string(1, "name").string(2, "value")
            .message(3, "valueFrom", message("EnvVarSource")
                    .message(1, "fieldRef", message("ObjectFieldSelector").string(1, "apiVersion").string(2, "fieldPath"))
                    .message(3, "configMapKeyRef", KEY_REF)
                    .message(4, "secretKeyRef", KEY_REF));

    static final ProtoMessage RESOURCE_REQUIREMENTS = message("ResourceRequirements")
            .quantityMap(1, "limits").quantityMap(2, "requests");

    static final ProtoMessage VOLUME_MOUNT = message("VolumeMount")
            .string(1, "name").bool(2, "readOnly").string(3, "mountPath").string(4, "subPath");

    static final ProtoMessage CONTAINER = message("Container")
            .string(1, "name").string(2, "image").strings(3, "command").strings(4, "args").string(5, "workingDir")
            .messages(6, "ports", CONTAINER_PORT).messages(7, "env", ENV_VAR)
            .message(8, "resources", RESOURCE_REQUIREMENTS).messages(9, "volumeMounts", VOLUME_MOUNT)
            .string(13, "terminationMessagePath").string(14, "imagePullPolicy")
            .bool(16, "stdin").bool(17, "stdinOnce").bool(18, "tty").string(20, "terminationMessagePolicy");

    static final ProtoMessage VOLUME = message("Volume")
            .string(1, "name")
            .inline(2, message("VolumeSource")
                    .message(2, "emptyDir", message("EmptyDirVolumeSource").string(1, "medium").quantity(2, "sizeLimit"))
                    .message(6, "secret", message("SecretVolumeSource").string(1, "secretName")));

    static final ProtoMessage POD_SPEC = message("PodSpec")
            .messages(1, "volumes", VOLUME).messages(2, "containers", CONTAINER)
            .string(3, "restartPolicy").integer(4, "terminationGracePeriodSeconds").keepZero()
            .integer(5, "activeDeadlineSeconds").keepZero().string(6, "dnsPolicy").stringMap(7, "nodeSelector")
            .string(8, "serviceAccountName").string(10, "nodeName").string(19, "schedulerName")
            .messages(20, "initContainers", CONTAINER).string(24, "priorityClassName")
            .bool(21, "automountServiceAccountToken").keepZero().bool(30, "enableServiceLinks").keepZero();

    static final ProtoMessage POD = message("Pod")
            .message(1, "metadata", OBJECT_META).message(2, "spec", POD_SPEC);

    static final ProtoMessage POD_TEMPLATE_SPEC = message("PodTemplateSpec")
            .message(1, "metadata", OBJECT_META).message(2, "spec", POD_SPEC);

    static final ProtoMessage SERVICE_PORT = message("ServicePort")
            .string(1, "name").string(2, "protocol").integer(3, "port").intOrString(4, "targetPort")
            .integer(5, "nodePort").string(6, "appProtocol");

    static final ProtoMessage SERVICE = message("Service")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("ServiceSpec")
                    .messages(1, "ports", SERVICE_PORT).stringMap(2, "selector").string(3, "clusterIP")
                    .string(4, "type").strings(5, "externalIPs").string(7, "sessionAffinity")
                    .string(10, "externalName").string(11, "externalTrafficPolicy").strings(18, "clusterIPs"));

    static final ProtoMessage NAMESPACE = message("Namespace")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("NamespaceSpec").strings(1, "finalizers"));

    static final ProtoMessage CONFIG_MAP = message("ConfigMap")
            .message(1, "metadata", OBJECT_META).stringMap(2, "data").bytesMap(3, "binaryData")
            .bool(4, "immutable").keepZero();

    static final ProtoMessage SECRET = message("Secret")
            .message(1, "metadata", OBJECT_META).bytesMap(2, "data").string(3, "type").stringMap(4, "stringData")
            .bool(5, "immutable").keepZero();

    static final ProtoMessage SERVICE_ACCOUNT = message("ServiceAccount")
            .message(1, "metadata", OBJECT_META)
            .bool(4, "automountServiceAccountToken").keepZero();

    static final ProtoMessage RESOURCE_QUOTA = message("ResourceQuota")
            .message(1, "metadata", OBJECT_META)
            .message(2, "spec", message("ResourceQuotaSpec").quantityMap(1, "hard").strings(2, "scopes"));
}
