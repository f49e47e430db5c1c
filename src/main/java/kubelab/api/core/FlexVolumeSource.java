package kubelab.api.core;

import java.util.Map;

/**
 * A volume mounted by an out-of-tree driver binary that the kubelet calls with {@code options}
 * (the exec-based plugin interface that came before CSI).
 *
 * <p>Real Kubernetes: {@code corev1.FlexVolumeSource}.
 */
public record FlexVolumeSource(String driver, String fsType, LocalObjectReference secretRef, Boolean readOnly,
                               Map<String, String> options) {
    public FlexVolumeSource {
        options = Copies.map(options);
    }
}
