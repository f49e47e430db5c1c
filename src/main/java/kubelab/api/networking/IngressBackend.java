package kubelab.api.networking;

import kubelab.api.core.TypedLocalObjectReference;

/**
 * Where matched requests go: a Service port, or (exclusively) another object such as a storage
 * bucket that the controller understands.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressBackend}.
 */
public record IngressBackend(IngressServiceBackend service, TypedLocalObjectReference resource) {

    /** A backend to a Service port given by number. */
    public static IngressBackend service(String name, int port) {
        return new IngressBackend(new IngressServiceBackend(name, ServiceBackendPort.number(port)), null);
    }

    /** A backend to a Service port given by its name in the Service. */
    public static IngressBackend service(String name, String portName) {
        return new IngressBackend(new IngressServiceBackend(name, ServiceBackendPort.named(portName)), null);
    }
}
