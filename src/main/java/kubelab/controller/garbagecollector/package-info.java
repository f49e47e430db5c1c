/**
 * The garbage collector: an ownership graph of every object (from one informer per resource type)
 * and the workers that delete dependents whose owners are gone and carry out Foreground and Orphan
 * deletions. It talks to the API server only through {@link kubelab.apiserver.Api} and reads through
 * {@link kubelab.client} informers. It is shaped as a graph plus two work queues of uids, as in
 * Kubernetes, so each change costs work in proportion to the objects it touches, not to the cluster.
 */
package kubelab.controller.garbagecollector;
