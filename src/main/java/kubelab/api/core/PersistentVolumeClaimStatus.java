package kubelab.api.core;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;
import kubelab.api.resource.Quantity;

/**
 * What a claim got: its {@code phase}, the access modes and capacity of the bound volume (which
 * may be larger than requested), resize conditions and allocations, and the state of a
 * VolumeAttributesClass change.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimStatus}.
 */
public record PersistentVolumeClaimStatus(
        String phase,
        List<String> accessModes,
        Map<String, Quantity> capacity,
        @PatchStrategy(value = "merge", mergeKey = "type") List<PersistentVolumeClaimCondition> conditions,
        Map<String, Quantity> allocatedResources,
        Map<String, String> allocatedResourceStatuses,
        String currentVolumeAttributesClassName,
        ModifyVolumeStatus modifyVolumeStatus) {

    public PersistentVolumeClaimStatus {
        accessModes = Copies.list(accessModes);
        capacity = Copies.map(capacity);
        conditions = Copies.list(conditions);
        allocatedResources = Copies.map(allocatedResources);
        allocatedResourceStatuses = Copies.map(allocatedResourceStatuses);
    }

    /** A status with only a phase, as a claim has before it is bound. */
    public static PersistentVolumeClaimStatus phase(String phase) {
        return new PersistentVolumeClaimStatus(phase, null, null, null, null, null, null, null);
    }

    /** The status of a bound claim: phase Bound with the volume's access modes and capacity. */
    public static PersistentVolumeClaimStatus bound(List<String> accessModes, Map<String, Quantity> capacity) {
        return new PersistentVolumeClaimStatus(PersistentVolumeClaimPhase.BOUND, accessModes, capacity, null, null,
                null, null, null);
    }
}
