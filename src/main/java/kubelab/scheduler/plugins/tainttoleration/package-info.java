/**
 * TaintToleration: NoSchedule and NoExecute taints keep out pods that do not tolerate them (Filter);
 * PreferNoSchedule taints only lower a node's score (PreScore, Score, NormalizeScore). Uses the
 * matching rule in {@code plugins.helper.Tolerations}.
 */
package kubelab.scheduler.plugins.tainttoleration;
