/**
 * What several plugins share: {@link kubelab.scheduler.plugins.helper.NormalizeScore} (rescale raw
 * scores to 0..100), {@link kubelab.scheduler.plugins.helper.Tolerations} (does a toleration
 * tolerate a taint) and {@link kubelab.scheduler.plugins.helper.NodeSelectors} (does a node match
 * a nodeSelector term).
 *
 * <p>Pure functions over API objects, so the DaemonSet controller and the node lifecycle controller
 * can use the same rules as the scheduler, as they do in Kubernetes.
 */
package kubelab.scheduler.plugins.helper;
