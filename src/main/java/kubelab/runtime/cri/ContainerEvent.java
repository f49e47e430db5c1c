package kubelab.runtime.cri;

import java.time.Instant;

/**
 * A change in a container's life, pushed by the runtime so that the kubelet need not poll.
 *
 * <p>Real Kubernetes: {@code ContainerEventResponse} of the CRI's {@code GetContainerEvents}
 * stream, used by the evented PLEG.
 */
public record ContainerEvent(String containerId, String podSandboxId, Type type, Instant createdAt) {
    /** {@code CONTAINER_CREATED_EVENT} and its siblings. */
    public enum Type { CONTAINER_CREATED_EVENT, CONTAINER_STARTED_EVENT, CONTAINER_STOPPED_EVENT, CONTAINER_DELETED_EVENT }
}
