package kubelab.apiserver;

import java.util.List;
import kubelab.apiserver.admission.AdmissionChain;
import kubelab.apiserver.admission.DefaultTolerationSeconds;
import kubelab.apiserver.admission.NamespaceLifecycle;

/**
 * The admission plug-ins a new API server starts with, in Kubernetes' order. Defaulting is not a
 * plug-in: as in Kubernetes, defaults are applied before admission, when the request is decoded
 * (here: first thing in the registry).
 *
 * <p>Real Kubernetes: {@code kubeapiserver/options.AllOrderedPlugins} and the default-enabled set.
 */
final class StandardAdmission {
    private StandardAdmission() {
    }

    static AdmissionChain chain() {
        return new AdmissionChain(List.of(new NamespaceLifecycle(), new DefaultTolerationSeconds()));
    }
}
