/**
 * The scheduler's cache: a NodeInfo per node kept up to date, one change at a time, from the
 * Node informer and the informer's bound pods, plus the pods the scheduler has assumed onto a
 * node before their binding is confirmed. Each scheduling cycle reads a {@link
 * kubelab.scheduler.internal.cache.Snapshot} refreshed from it by generation numbers, so a cycle
 * costs O(nodes changed), not O(cluster).
 */
package kubelab.scheduler.internal.cache;
