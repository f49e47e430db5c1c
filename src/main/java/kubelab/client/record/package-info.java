/**
 * Events: how components tell people what they did. A component holds an {@link
 * kubelab.client.record.EventRecorder}; the {@link kubelab.client.record.EventBroadcaster} turns
 * each call into a core/v1 Event written through the API (folding repeats into one object with a
 * count) and hands every occurrence to in-process watchers, such as the cluster's timeline.
 *
 * <p>Shaped like client-go's {@code tools/record} because that is what every Kubernetes component
 * uses, and {@code kubectl describe} shows the result.
 */
package kubelab.client.record;
