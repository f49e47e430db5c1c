package kubelab.kubelet.container;

import kubelab.api.core.Container;
import kubelab.api.core.ObjectReference;
import kubelab.api.core.Pod;

/**
 * The object reference the kubelet gives a container's events: the pod, with a {@code fieldPath}
 * of {@code spec.containers{nginx}} or {@code spec.initContainers{init-myservice}}.
 *
 * <p>Real Kubernetes: {@code kubecontainer.GenerateContainerRef} in {@code pkg/kubelet/container/ref.go}.
 */
public final class ContainerRefs {
    private ContainerRefs() {
    }

    public static ObjectReference of(Pod pod, Container container) {
        boolean init = pod.spec().initContainers().stream().anyMatch(c -> c.name().equals(container.name()));
        String field = (init ? "spec.initContainers{" : "spec.containers{") + container.name() + "}";
        return new ObjectReference(Pod.KIND, pod.metadata().namespace(), pod.metadata().name(), pod.metadata().uid(),
                Pod.API_VERSION, null, field);
    }

    /** The pod itself, for pod-level events such as FailedMount. */
    public static ObjectReference of(Pod pod) {
        return new ObjectReference(Pod.KIND, pod.metadata().namespace(), pod.metadata().name(), pod.metadata().uid(),
                Pod.API_VERSION, null, null);
    }
}
