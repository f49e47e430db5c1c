package kubelab.api.apps;

/**
 * What happens to the claims made from {@code volumeClaimTemplates} when the StatefulSet is deleted
 * or scaled down: {@value #RETAIN} them (the default) or {@value #DELETE} them.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetPersistentVolumeClaimRetentionPolicy}.
 */
public record StatefulSetPersistentVolumeClaimRetentionPolicy(String whenDeleted, String whenScaled) {

    public static final String RETAIN = "Retain";
    public static final String DELETE = "Delete";
}
