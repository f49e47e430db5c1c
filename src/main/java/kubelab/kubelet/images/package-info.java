/**
 * The kubelet's image manager: pulls a container's image through the CRI's ImageService by its
 * pull policy, records Pulling/Pulled/Failed/BackOff events, and backs off failed pulls.
 *
 * <p>Pulls are serial per pod because the pod's sync waits for each one, as in Kubernetes with
 * {@code serializeImagePulls} per pod worker.
 */
package kubelab.kubelet.images;
