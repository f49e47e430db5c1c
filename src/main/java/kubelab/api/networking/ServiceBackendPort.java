package kubelab.api.networking;

/**
 * A Service port, by its {@code name} or by its {@code number}; exactly one is set.
 *
 * <p>Real Kubernetes: {@code networkingv1.ServiceBackendPort}.
 */
public record ServiceBackendPort(String name, Integer number) {

    public static ServiceBackendPort number(int number) {
        return new ServiceBackendPort(null, number);
    }

    public static ServiceBackendPort named(String name) {
        return new ServiceBackendPort(name, null);
    }
}
