package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.resource.Quantity;

/**
 * What the kubelet reports about one container: its current {@code state}, the {@code lastState}
 * it terminated in (for crash loops), whether it is {@code ready} and {@code started}, and how
 * often it was restarted.
 *
 * <p>{@code containerID} has the form {@code <runtime>://<id>}; {@code imageID} is the resolved image.
 *
 * <p>Real Kubernetes: {@code corev1.ContainerStatus}.
 */
public record ContainerStatus(
        String name,
        ContainerState state,
        ContainerState lastState,
        Boolean ready,
        Integer restartCount,
        String image,
        String imageID,
        String containerID,
        Boolean started,
        Map<String, Quantity> allocatedResources,
        ResourceRequirements resources,
        @PatchStrategy(value = "merge", mergeKey = "mountPath") List<VolumeMountStatus> volumeMounts,
        ContainerUser user,
        @PatchStrategy(value = "merge", mergeKey = "name") List<ResourceStatus> allocatedResourcesStatus,
        String stopSignal) {

    public ContainerStatus {
        allocatedResources = Copies.map(allocatedResources);
        volumeMounts = Copies.list(volumeMounts);
        allocatedResourcesStatus = Copies.list(allocatedResourcesStatus);
    }

    /** The status the kubelet writes for a container it knows about: name, image, state and counters. */
    public static ContainerStatus of(String name, String image, ContainerState state, boolean ready,
                                     int restartCount) {
        return new ContainerStatus(name, state, null, ready, restartCount, image, null, null, null, null, null,
                null, null, null, null);
    }
}
