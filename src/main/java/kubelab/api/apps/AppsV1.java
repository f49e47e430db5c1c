package kubelab.api.apps;

import java.util.List;
import java.util.Set;
import kubelab.api.ResourceType;

/**
 * The {@code apps/v1} group: the workload controllers' objects (Deployment, ReplicaSet, DaemonSet,
 * StatefulSet), and the labels those controllers put on the pods they make.
 *
 * <p>Real Kubernetes: {@code k8s.io/api/apps/v1/register.go} and {@code types.go}, and the group's
 * discovery document.
 */
public final class AppsV1 {
    public static final String GROUP = "apps";
    public static final String VERSION = "v1";
    public static final String API_VERSION = GROUP + "/" + VERSION;

    /** Label on a Deployment's ReplicaSets and pods: the hash of the pod template, keeping versions apart. */
    public static final String DEFAULT_DEPLOYMENT_UNIQUE_LABEL_KEY = "pod-template-hash";
    /** Label on DaemonSet and StatefulSet pods: the ControllerRevision they were made from. */
    public static final String CONTROLLER_REVISION_HASH_LABEL_KEY = "controller-revision-hash";
    /** Label on StatefulSet pods: the pod's own name, so a Service can select one pod. */
    public static final String STATEFUL_SET_POD_NAME_LABEL = "statefulset.kubernetes.io/pod-name";
    /** Label on StatefulSet pods: the pod's ordinal. */
    public static final String POD_INDEX_LABEL = "apps.kubernetes.io/pod-index";

    private AppsV1() {
    }

    /** The group's resources, as {@code kubectl api-resources --api-group=apps} lists them. */
    public static List<ResourceType> resourceTypes() {
        return List.of(
                new ResourceType(GROUP, VERSION, DaemonSet.KIND, "daemonsets", "daemonset", List.of("ds"), true,
                        DaemonSet.class, Set.of("status"), List.of("all")),
                new ResourceType(GROUP, VERSION, Deployment.KIND, "deployments", "deployment", List.of("deploy"), true,
                        Deployment.class, Set.of("status", "scale"), List.of("all")),
                new ResourceType(GROUP, VERSION, ReplicaSet.KIND, "replicasets", "replicaset", List.of("rs"), true,
                        ReplicaSet.class, Set.of("status", "scale"), List.of("all")),
                new ResourceType(GROUP, VERSION, StatefulSet.KIND, "statefulsets", "statefulset", List.of("sts"), true,
                        StatefulSet.class, Set.of("status", "scale"), List.of("all")));
    }
}
