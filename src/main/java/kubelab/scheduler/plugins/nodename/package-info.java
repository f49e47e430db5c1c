/**
 * NodeName: a pod that already names its node ({@code spec.nodeName}) fits only that node. Reads the
 * Pod and the Node; used by the scheduler's filter step.
 */
package kubelab.scheduler.plugins.nodename;
