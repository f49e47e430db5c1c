package kubelab.api.core;

import java.util.List;

/**
 * A Secret shown as files, one per key (or only the keys listed in {@code items}); {@code optional}
 * lets the pod start when the Secret is missing.
 *
 * <p>Real Kubernetes: {@code corev1.SecretVolumeSource}.
 */
public record SecretVolumeSource(String secretName, List<KeyToPath> items, Integer defaultMode, Boolean optional) {
    public SecretVolumeSource {
        items = Copies.list(items);
    }
}
