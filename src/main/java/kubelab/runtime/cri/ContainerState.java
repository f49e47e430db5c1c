package kubelab.runtime.cri;

/**
 * Where a container is in its life.
 *
 * <p>Real Kubernetes: {@code ContainerState} in the CRI.
 */
public enum ContainerState { CONTAINER_CREATED, CONTAINER_RUNNING, CONTAINER_EXITED, CONTAINER_UNKNOWN }
