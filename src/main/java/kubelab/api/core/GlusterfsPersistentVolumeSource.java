package kubelab.api.core;

/**
 * A GlusterFS volume as a PersistentVolume: like {@link GlusterfsVolumeSource}, plus the namespace
 * of the Endpoints object that lists the servers.
 *
 * <p>Real Kubernetes: {@code corev1.GlusterfsPersistentVolumeSource}.
 */
public record GlusterfsPersistentVolumeSource(String endpoints, String path, Boolean readOnly,
                                              String endpointsNamespace) {
}
