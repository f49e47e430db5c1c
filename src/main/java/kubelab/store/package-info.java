/**
 * The cluster's single source of truth: an etcd-shaped, multi-version key/value store with watch.
 *
 * <p>What lives here: the {@link kubelab.store.Store} contract with its records and errors, and
 * {@link kubelab.store.MemoryStore}, the embedded in-memory implementation (a store backed by a real
 * etcd implements the same contract).
 *
 * <p>Who talks to it: only the API server. Controllers, the scheduler and kubelets never see the
 * store; they read and write objects through the API. The API server keeps each object as JSON
 * under a key {@code /registry/<resource>/<namespace>/<name>} (cluster-scoped objects leave out the
 * namespace), so "all pods" is the prefix {@code /registry/pods/} and "pods in default" is
 * {@code /registry/pods/default/}. An object's resourceVersion is its key's modRevision.
 *
 * <p>Why it is shaped this way: every write gets the next global revision, and past revisions stay
 * readable until compacted. That is what lets a client list and then watch without a gap: it lists
 * at revision R, then watches from R + 1, and sees every change after its list exactly once, even
 * changes made while the list was on its way. The same revision is the optimistic-concurrency
 * token: an update carries the modRevision it read, and the store refuses it if the key moved on
 * (the API server's 409 Conflict). Compaction bounds memory; a watcher that fell behind it gets
 * {@link kubelab.store.StoreException.Compacted} (the API server's 410 Gone, reason Expired) and
 * lists again.
 *
 * <p>Real Kubernetes: etcd v3 (its {@code mvcc} package and KV/Watch services) and
 * {@code k8s.io/apiserver/pkg/storage/etcd3}, the API server's only path to it.
 */
package kubelab.store;
