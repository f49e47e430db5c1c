package kubelab.api.autoscaling;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Scales a workload (anything with a {@code scale} subresource) between {@code minReplicas} and
 * {@code maxReplicas} so that observed metrics, such as average CPU utilisation, meet their targets.
 *
 * <p>Real Kubernetes: {@code autoscalingv2.HorizontalPodAutoscaler}, reconciled by
 * {@code pkg/controller/podautoscaler}.
 */
public record HorizontalPodAutoscaler(String apiVersion, String kind, ObjectMeta metadata,
                                      HorizontalPodAutoscalerSpec spec, HorizontalPodAutoscalerStatus status)
        implements KubeObject {

    public static final String KIND = "HorizontalPodAutoscaler";

    public HorizontalPodAutoscaler {
        apiVersion = apiVersion == null ? AutoscalingV2.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static HorizontalPodAutoscaler of(String namespace, String name, HorizontalPodAutoscalerSpec spec) {
        return new HorizontalPodAutoscaler(null, null, ObjectMeta.of(namespace, name), spec, null);
    }

    @Override
    public HorizontalPodAutoscaler withMetadata(ObjectMeta metadata) {
        return new HorizontalPodAutoscaler(apiVersion, kind, metadata, spec, status);
    }

    public HorizontalPodAutoscaler withSpec(HorizontalPodAutoscalerSpec spec) {
        return new HorizontalPodAutoscaler(apiVersion, kind, metadata, spec, status);
    }

    public HorizontalPodAutoscaler withStatus(HorizontalPodAutoscalerStatus status) {
        return new HorizontalPodAutoscaler(apiVersion, kind, metadata, spec, status);
    }
}
