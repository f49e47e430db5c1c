/**
 * How every component sees the cluster: through the API server, never around it. Two halves.
 *
 * <p><b>Reading: the informer pattern.</b> A {@link kubelab.client.Reflector} lists a type once and
 * then watches from the list's resourceVersion; the changes flow through a
 * {@link kubelab.client.DeltaFIFO} into an {@link kubelab.client.Indexer}, a local cache with
 * indexes, and on to {@link kubelab.client.ResourceEventHandler}s. A
 * {@link kubelab.client.SharedInformer} bundles all of it, and an
 * {@link kubelab.client.InformerFactory} makes sure all components share one per type. Reads
 * ({@link kubelab.client.Lister}) are then free and never touch the server.
 *
 * <p><b>Acting: level-based controllers.</b> Event handlers only enqueue a key
 * ({@link kubelab.client.Cache#metaNamespaceKey}) in a {@link kubelab.client.RateLimitingQueue};
 * a {@link kubelab.client.Worker} hands each key to a {@link kubelab.client.Reconciler}, which
 * compares desired and observed state as the caches show them now, and writes through the
 * {@link kubelab.client.Client}. Because it looks at the level, not at the event, a missed,
 * merged or repeated event changes nothing; a resync or a relist repairs the rest. A failure
 * re-queues the key with exponential back-off; a 409 Conflict is answered by re-reading
 * ({@link kubelab.client.Retry}).
 *
 * <p><b>Never modify a cached object.</b> Informers hand the same record to every component.
 * Records cannot be changed in place anyway: copy with a {@code with...} method, send the copy
 * with the resourceVersion it was read at, and let the watch bring the new state back.
 *
 * <p>Everything here runs on a {@link kubelab.time.EventLoop}: handlers, workers, back-offs and
 * resyncs are loop tasks and timers, so a simulated cluster is deterministic and a test never
 * sleeps. Shaped after client-go's {@code tools/cache} and {@code util/workqueue}, one concept per
 * file, because that is the vocabulary every Kubernetes controller is written in.
 */
package kubelab.client;
