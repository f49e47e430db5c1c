package kubelab.api.core;

import java.util.List;

/**
 * A ConfigMap shown as files, one per key (or only the keys listed in {@code items}); the kubelet
 * refreshes them when the ConfigMap changes, except under a {@code subPath} mount.
 *
 * <p>Real Kubernetes: {@code corev1.ConfigMapVolumeSource}.
 */
public record ConfigMapVolumeSource(String name, List<KeyToPath> items, Integer defaultMode, Boolean optional) {
    public ConfigMapVolumeSource {
        items = Copies.list(items);
    }
}
