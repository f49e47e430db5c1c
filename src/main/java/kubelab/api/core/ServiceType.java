package kubelab.api.core;

/**
 * The values of a Service's {@code type}; each includes the one before it except ExternalName.
 *
 * <p>Real Kubernetes: {@code corev1.ServiceType}.
 */
public final class ServiceType {
    /** A virtual IP reachable inside the cluster. */
    public static final String CLUSTER_IP = "ClusterIP";
    /** ClusterIP plus the same port on every node. */
    public static final String NODE_PORT = "NodePort";
    /** NodePort plus an external load balancer from the cloud provider. */
    public static final String LOAD_BALANCER = "LoadBalancer";
    /** No proxying: DNS answers with a CNAME to {@code externalName}. */
    public static final String EXTERNAL_NAME = "ExternalName";

    private ServiceType() {
    }
}
