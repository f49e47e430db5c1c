/**
 * Explaining scheduling decisions: an immutable {@link kubelab.scheduler.explain.SchedulingDecision}
 * per cycle (each node's filter verdict, each plugin's scores, the choice), kept for the most recent
 * pods in a bounded {@link kubelab.scheduler.explain.DecisionLog}. The scheduler writes them; tests,
 * notebooks and the Scheduled event's summary read them. Not in Kubernetes: added because the
 * course asks "why did the pod land there?" and logs are not a teaching interface.
 */
package kubelab.scheduler.explain;
