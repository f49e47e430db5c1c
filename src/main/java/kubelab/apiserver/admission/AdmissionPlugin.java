package kubelab.apiserver.admission;

import kubelab.api.meta.KubeObject;

/**
 * A step every write passes through after authorization. Mutating plug-ins may change the object
 * (LimitRanger fills default requests); validating ones may only accept or refuse it (ResourceQuota
 * refuses what would exceed a quota). Refusal is an {@link kubelab.apiserver.ApiException}, usually
 * 403 Forbidden.
 *
 * <p>Real Kubernetes: {@code admission.Interface}, {@code MutationInterface} and
 * {@code ValidationInterface} in {@code k8s.io/apiserver/pkg/admission}.
 */
public interface AdmissionPlugin {

    /** The plug-in's name, as {@code --enable-admission-plugins} lists it. */
    String name();

    /** True if the plug-in looks at this operation at all. */
    default boolean handles(Operation operation) {
        return true;
    }

    /** A plug-in that may change the object. Mutating plug-ins run first, in order. */
    interface Mutating extends AdmissionPlugin {
        /** Returns the object to go on with: the request's object, or a changed copy. */
        KubeObject admit(AdmissionRequest request);
    }

    /** A plug-in that only accepts or refuses. Validating plug-ins run after the object is validated. */
    interface Validating extends AdmissionPlugin {
        void validate(AdmissionRequest request);
    }
}
