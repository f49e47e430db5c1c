package kubelab.apiserver.admission;

import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.Api;
import kubelab.apiserver.UserInfo;

/**
 * Everything an admission plug-in may look at: what is being done to which resource, by whom, the
 * object as it would be stored and (for updates and deletes) as it is now, and the API itself for
 * lookups such as the namespace or the LimitRanges in it.
 *
 * <p>Real Kubernetes: {@code admission.Attributes}.
 */
public record AdmissionRequest(Operation operation, ResourceType resource, String subresource,
                               String namespace, String name, KubeObject object, KubeObject oldObject,
                               UserInfo user, boolean dryRun, Api api) {

    /** The same request with another object, as a mutating plug-in hands it on. */
    public AdmissionRequest withObject(KubeObject changed) {
        return new AdmissionRequest(operation, resource, subresource, namespace, name, changed, oldObject, user,
                dryRun, api);
    }
}
