/**
 * NodeAffinity: {@code spec.nodeSelector} and required node affinity decide which nodes a pod may
 * use (Filter); preferred node affinity weights rank them (PreScore, Score, NormalizeScore). Uses
 * {@code plugins.helper.NodeSelectors} for the term-matching rule.
 */
package kubelab.scheduler.plugins.nodeaffinity;
