package kubelab.api.core;

import java.util.Map;

/**
 * The desired state of a ReplicationController: how many {@code replicas} (null means the server
 * default, 1), the label {@code selector} (defaulted to the template's labels when empty), the pod
 * {@code template} (whose restartPolicy must be Always), and {@code minReadySeconds} before a ready
 * pod counts as available.
 *
 * <p>Real Kubernetes: {@code corev1.ReplicationControllerSpec}.
 */
public record ReplicationControllerSpec(Integer replicas, Integer minReadySeconds, Map<String, String> selector,
                                        PodTemplateSpec template) {

    public ReplicationControllerSpec {
        selector = Copies.map(selector);
    }

    /** A spec with replicas, selector and template. */
    public static ReplicationControllerSpec of(int replicas, Map<String, String> selector, PodTemplateSpec template) {
        return new ReplicationControllerSpec(replicas, null, selector, template);
    }

    /** What {@code kubectl scale} changes. */
    public ReplicationControllerSpec withReplicas(Integer replicas) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, selector, template);
    }

    public ReplicationControllerSpec withTemplate(PodTemplateSpec template) {
        return new ReplicationControllerSpec(replicas, minReadySeconds, selector, template);
    }
}
