/**
 * PodTopologySpread: hard ({@code whenUnsatisfiable: DoNotSchedule}) constraints keep the number
 * of matching pods per domain (hostname, zone) within {@code maxSkew} of the emptiest domain (Filter);
 * soft ones, and the cluster defaults for pods without constraints, prefer the emptier domains
 * (Score). PreFilter and PreScore count matching pods over all nodes once per pod.
 */
package kubelab.scheduler.plugins.podtopologyspread;
