package kubelab.api.storage;

import java.util.List;

/**
 * How to treat a CSI driver.
 *
 * <ul>
 *   <li>{@code attachRequired}: volumes need a ControllerPublish (a VolumeAttachment) before mounting.</li>
 *   <li>{@code podInfoOnMount}: the kubelet passes the pod's name, namespace, uid and service account.</li>
 *   <li>{@code volumeLifecycleModes}: {@value #PERSISTENT} volumes and/or inline {@value #EPHEMERAL} ones.</li>
 *   <li>{@code fsGroupPolicy}: {@code ReadWriteOnceWithFSType}, {@code File} or {@code None}.</li>
 *   <li>{@code tokenRequests}/{@code requiresRepublish}: service account tokens for the driver, refreshed by republishing.</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code storagev1.CSIDriverSpec}.
 */
public record CSIDriverSpec(Boolean attachRequired, Boolean podInfoOnMount, List<String> volumeLifecycleModes,
                            Boolean storageCapacity, String fsGroupPolicy, List<TokenRequest> tokenRequests,
                            Boolean requiresRepublish, Boolean seLinuxMount,
                            Long nodeAllocatableUpdatePeriodSeconds) {

    public static final String PERSISTENT = "Persistent";
    public static final String EPHEMERAL = "Ephemeral";

    public CSIDriverSpec {
        volumeLifecycleModes = volumeLifecycleModes == null ? List.of() : List.copyOf(volumeLifecycleModes);
        tokenRequests = tokenRequests == null ? List.of() : List.copyOf(tokenRequests);
    }
}
