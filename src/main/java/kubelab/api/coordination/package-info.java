/**
 * The {@code coordination.k8s.io/v1} objects: the {@link kubelab.api.coordination.Lease}, a lock
 * with a time limit.
 *
 * <p>Leader election and node heartbeats write it; the node lifecycle controller reads the
 * heartbeats. Its times are {@link kubelab.api.meta.MicroTime}, because renewals come faster than
 * whole seconds can tell apart.
 */
package kubelab.api.coordination;
