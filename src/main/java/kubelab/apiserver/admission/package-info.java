/**
 * Admission: the ordered plug-ins every write passes after authorization. Mutating plug-ins run
 * first and may change the object; validating plug-ins run after validation and may only refuse.
 * {@link kubelab.apiserver.admission.NamespaceLifecycle} is the first; LimitRanger and
 * ResourceQuota plug in the same way ({@code ApiServer.addAdmissionPlugin}).
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/admission} and {@code plugin/pkg/admission}.
 */
package kubelab.apiserver.admission;
