package kubelab.server;

import static kubelab.server.ProtoMessage.message;

/**
 * The protobuf tables of {@code meta/v1} that every object uses: ObjectMeta, OwnerReference and
 * LabelSelector (IntOrString, Quantity and Time are kinds of field of their own in
 * {@link ProtoMessage}).
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto}.
 */
final class ProtoSchemaMeta {
    private ProtoSchemaMeta() {
    }

    static final ProtoMessage OWNER_REFERENCE = message("OwnerReference")
            .string(1, "kind").string(3, "name").string(4, "uid").string(5, "apiVersion")
            .bool(6, "controller").keepZero().bool(7, "blockOwnerDeletion").keepZero();

    /** name, generateName, namespace, labels, annotations, ownerReferences, finalizers (uid and the like are the server's). */
    static final ProtoMessage OBJECT_META = message("ObjectMeta")
            .string(1, "name").string(2, "generateName").string(3, "namespace")
            .time(8, "creationTimestamp")
            .stringMap(11, "labels").stringMap(12, "annotations")
            .messages(13, "ownerReferences", OWNER_REFERENCE).strings(14, "finalizers");

    static final ProtoMessage LABEL_SELECTOR_REQUIREMENT = message("LabelSelectorRequirement")
            .string(1, "key").string(2, "operator").strings(3, "values");

    static final ProtoMessage LABEL_SELECTOR = message("LabelSelector")
            .stringMap(1, "matchLabels").messages(2, "matchExpressions", LABEL_SELECTOR_REQUIREMENT);
}
