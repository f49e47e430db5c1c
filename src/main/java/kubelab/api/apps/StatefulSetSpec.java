package kubelab.api.apps;

import java.util.List;
import kubelab.api.core.PersistentVolumeClaim;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.meta.LabelSelector;

/**
 * The desired state of a StatefulSet: replicas (default 1), selector and pod template; a claim
 * template per volume each pod gets (claim {@code <template>-<pod>}); the governing headless
 * Service; {@code podManagementPolicy} {@value #ORDERED_READY} (one at a time, the default) or
 * {@value #PARALLEL}; how updates roll out; what happens to the claims on scale-down and deletion;
 * and the first ordinal.
 *
 * <p>Real Kubernetes: {@code appsv1.StatefulSetSpec} and {@code appsv1.PodManagementPolicyType}.
 */
public record StatefulSetSpec(
        Integer replicas,
        LabelSelector selector,
        PodTemplateSpec template,
        List<PersistentVolumeClaim> volumeClaimTemplates,
        String serviceName,
        String podManagementPolicy,
        StatefulSetUpdateStrategy updateStrategy,
        Integer revisionHistoryLimit,
        Integer minReadySeconds,
        StatefulSetPersistentVolumeClaimRetentionPolicy persistentVolumeClaimRetentionPolicy,
        StatefulSetOrdinals ordinals) {

    public static final String ORDERED_READY = "OrderedReady";
    public static final String PARALLEL = "Parallel";

    public StatefulSetSpec {
        volumeClaimTemplates = volumeClaimTemplates == null ? List.of() : List.copyOf(volumeClaimTemplates);
    }

    public StatefulSetSpec withReplicas(Integer replicas) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName,
                podManagementPolicy, updateStrategy, revisionHistoryLimit, minReadySeconds,
                persistentVolumeClaimRetentionPolicy, ordinals);
    }

    public StatefulSetSpec withTemplate(PodTemplateSpec template) {
        return new StatefulSetSpec(replicas, selector, template, volumeClaimTemplates, serviceName,
                podManagementPolicy, updateStrategy, revisionHistoryLimit, minReadySeconds,
                persistentVolumeClaimRetentionPolicy, ordinals);
    }
}
