package kubelab.api.core;

import kubelab.api.meta.IntOrString;

/**
 * One port of a Service: traffic to {@code port} on the cluster IP (and to {@code nodePort} on
 * every node, for NodePort and LoadBalancer Services) goes to {@code targetPort} on a backend pod.
 * A named {@code targetPort} is looked up in each pod's container ports, so pods may differ.
 *
 * <p>Real Kubernetes: {@code corev1.ServicePort}.
 */
public record ServicePort(String name, String protocol, String appProtocol, Integer port, IntOrString targetPort,
                          Integer nodePort) {

    /** A TCP port forwarding to the same port number on the pods (what the API server defaults to). */
    public static ServicePort of(int port) {
        return new ServicePort(null, null, null, port, null, null);
    }

    /** A port forwarding to {@code targetPort}, a number or a container port name. */
    public static ServicePort of(String name, int port, IntOrString targetPort) {
        return new ServicePort(name, null, null, port, targetPort, null);
    }

    public ServicePort withNodePort(Integer nodePort) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    public ServicePort withTargetPort(IntOrString targetPort) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }

    public ServicePort withProtocol(String protocol) {
        return new ServicePort(name, protocol, appProtocol, port, targetPort, nodePort);
    }
}
