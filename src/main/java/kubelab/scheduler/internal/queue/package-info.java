/**
 * The scheduling queue: activeQ, podBackoffQ and unschedulablePods, fed by the scheduler's pod
 * informer handlers and drained by its scheduling loop. Cluster events (from the node and
 * assigned-pod handlers) move unschedulable pods back, but only those a rejecting plugin said the
 * event could help. Internal: the scheduler owns it; shaped like kube-scheduler's so that "why is
 * my pod still Pending" has the same answer here as there.
 */
package kubelab.scheduler.internal.queue;
