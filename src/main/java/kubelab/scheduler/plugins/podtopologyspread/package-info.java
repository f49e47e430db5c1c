/**
 * PodTopologySpread, its Filter half: hard ({@code whenUnsatisfiable: DoNotSchedule})
 * {@code topologySpreadConstraints} keep the number of matching pods per domain (hostname, zone)
 * within {@code maxSkew} of the emptiest domain. PreFilter counts matching pods over all nodes once;
 * Filter then judges each node in O(constraints).
 */
package kubelab.scheduler.plugins.podtopologyspread;
