package kubelab.controller.podautoscaler;

import kubelab.api.apps.Deployment;
import kubelab.api.apps.ReplicaSet;
import kubelab.api.apps.StatefulSet;
import kubelab.api.autoscaling.CrossVersionObjectReference;
import kubelab.api.core.ReplicationController;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;

/**
 * The {@code scale} view of a workload the autoscaler targets: its {@code spec.replicas}, its
 * {@code status.replicas} and the label selector of its pods, read from and written to the
 * object itself (this API has no {@code /scale} subresource, so a rescale is an ordinary update
 * of {@code spec.replicas}, carrying the resourceVersion it read).
 *
 * <p>Supported kinds: Deployment, ReplicaSet, StatefulSet ({@code apps/v1}) and
 * ReplicationController ({@code v1}).
 *
 * <p>Real Kubernetes: {@code autoscalingv1.Scale} and the scale subresources
 * ({@code pkg/registry/apps/deployment/storage} ScaleREST and friends), read by the HPA through
 * {@code client-go/scale}.
 */
public record ScaleTarget(KubeObject object, int specReplicas, int statusReplicas, Selector selector) {

    /**
     * Reads the target's current scale.
     *
     * @throws ApiException NotFound if the object does not exist
     * @throws IllegalArgumentException for a kind with no scale
     */
    public static ScaleTarget get(Api api, String namespace, CrossVersionObjectReference ref) {
        return switch (ref.kind()) {
            case Deployment.KIND -> {
                Deployment d = api.get(Deployment.class, namespace, ref.name());
                yield new ScaleTarget(d, replicas(d.spec().replicas()),
                        d.status() == null ? 0 : count(d.status().replicas()), selector(d.spec().selector()));
            }
            case ReplicaSet.KIND -> {
                ReplicaSet rs = api.get(ReplicaSet.class, namespace, ref.name());
                yield new ScaleTarget(rs, replicas(rs.spec().replicas()),
                        rs.status() == null ? 0 : count(rs.status().replicas()), selector(rs.spec().selector()));
            }
            case StatefulSet.KIND -> {
                StatefulSet s = api.get(StatefulSet.class, namespace, ref.name());
                yield new ScaleTarget(s, replicas(s.spec().replicas()),
                        s.status() == null ? 0 : count(s.status().replicas()), selector(s.spec().selector()));
            }
            case ReplicationController.KIND -> {
                ReplicationController rc = api.get(ReplicationController.class, namespace, ref.name());
                Selector selector = rc.spec().selector().isEmpty() ? null : Selector.fromSet(rc.spec().selector());
                yield new ScaleTarget(rc, replicas(rc.spec().replicas()),
                        rc.status() == null ? 0 : count(rc.status().replicas()), selector);
            }
            default -> throw new IllegalArgumentException("no matches for kind \"" + ref.kind() + "\" in group \""
                    + group(ref.apiVersion()) + "\"");
        };
    }

    /** Writes {@code replicas} into the object's {@code spec.replicas} (a 409 if it changed since it was read). */
    public void update(Api api, int replicas) {
        if (object instanceof Deployment d) {
            api.update(d.withSpec(d.spec().withReplicas(replicas)));
        } else if (object instanceof ReplicaSet rs) {
            api.update(rs.withSpec(rs.spec().withReplicas(replicas)));
        } else if (object instanceof StatefulSet s) {
            api.update(s.withSpec(s.spec().withReplicas(replicas)));
        } else if (object instanceof ReplicationController rc) {
            api.update(rc.withSpec(rc.spec().withReplicas(replicas)));
        } else {
            throw new IllegalStateException("not a scalable object: " + object.kind());
        }
    }

    private static int replicas(Integer replicas) {
        return replicas == null ? 1 : replicas;
    }

    private static int count(Integer replicas) {
        return replicas == null ? 0 : replicas;
    }

    private static Selector selector(LabelSelector selector) {
        return selector == null ? null : Selector.from(selector);
    }

    private static String group(String apiVersion) {
        if (apiVersion == null || !apiVersion.contains("/")) {
            return "";
        }
        return apiVersion.substring(0, apiVersion.indexOf('/'));
    }
}
