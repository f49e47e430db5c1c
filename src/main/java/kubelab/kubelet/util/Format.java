package kubelab.kubelet.util;

import kubelab.api.core.Pod;

/**
 * How the kubelet names a pod in messages: {@code nginx_default(<uid>)}.
 *
 * <p>Real Kubernetes: {@code format.Pod} in {@code pkg/kubelet/util/format}.
 */
public final class Format {
    private Format() {
    }

    public static String pod(Pod pod) {
        return pod.metadata().name() + "_" + pod.metadata().namespace() + "(" + pod.metadata().uid() + ")";
    }
}
