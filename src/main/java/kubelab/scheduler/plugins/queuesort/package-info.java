/** PrioritySort, the default QueueSort plugin: the order in which pending pods are tried. */
package kubelab.scheduler.plugins.queuesort;
