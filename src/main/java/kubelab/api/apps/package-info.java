/**
 * The {@code apps/v1} objects: {@link kubelab.api.apps.Deployment}, {@link kubelab.api.apps.ReplicaSet},
 * {@link kubelab.api.apps.DaemonSet} and {@link kubelab.api.apps.StatefulSet}, each a pod template
 * plus the rules its controller follows, with a status the controller reports back.
 *
 * <p>The controllers in {@code kubelab.controller} reconcile them; kubectl and notebooks create
 * them from the documentation's manifests. The spec/status split is kept exactly, because "the user
 * writes spec, the controller writes status" is the lesson these kinds teach.
 */
package kubelab.api.apps;
