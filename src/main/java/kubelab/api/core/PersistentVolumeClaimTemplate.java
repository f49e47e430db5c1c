package kubelab.api.core;

import kubelab.api.meta.ObjectMeta;

/**
 * The metadata and spec of the claim an ephemeral volume creates.
 *
 * <p>Real Kubernetes: {@code corev1.PersistentVolumeClaimTemplate}.
 */
public record PersistentVolumeClaimTemplate(ObjectMeta metadata, PersistentVolumeClaimSpec spec) {
}
