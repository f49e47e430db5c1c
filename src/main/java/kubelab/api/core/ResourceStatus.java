package kubelab.api.core;

import java.util.List;

/**
 * The health of the devices allocated to a container for one resource.
 *
 * <p>Real Kubernetes: {@code corev1.ResourceStatus}.
 */
public record ResourceStatus(String name, List<ResourceHealth> resources) {
    public ResourceStatus {
        resources = Copies.list(resources);
    }
}
