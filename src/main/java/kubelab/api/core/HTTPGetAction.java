package kubelab.api.core;

import java.util.List;
import kubelab.api.meta.IntOrString;

/**
 * An HTTP GET against the pod IP (or {@code host}); a status from 200 to 399 is success.
 * {@code port} is a number or the name of a container port; {@code scheme} is HTTP or HTTPS.
 *
 * <p>Real Kubernetes: {@code corev1.HTTPGetAction}.
 */
public record HTTPGetAction(String path, IntOrString port, String host, String scheme,
                            List<HTTPHeader> httpHeaders) {
    public HTTPGetAction {
        httpHeaders = Copies.list(httpHeaders);
    }
}
