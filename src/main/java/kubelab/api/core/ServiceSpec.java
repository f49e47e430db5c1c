package kubelab.api.core;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.PatchStrategy;

/**
 * What a Service offers and to whom it forwards.
 *
 * <ul>
 *   <li>{@code type} (see {@link ServiceType}): ClusterIP (the default), NodePort (also a port on
 *       every node), LoadBalancer (also an external balancer) or ExternalName (a DNS alias only).</li>
 *   <li>{@code selector}: the pods behind it; with no selector, endpoints are managed by hand.</li>
 *   <li>{@code clusterIP}: allocated by the API server; {@value #CLUSTER_IP_NONE} makes it headless
 *       (DNS returns the pod IPs). {@code clusterIPs} holds one per IP family.</li>
 *   <li>{@code externalTrafficPolicy}/{@code internalTrafficPolicy}: {@value #TRAFFIC_POLICY_CLUSTER}
 *       (any endpoint) or {@value #TRAFFIC_POLICY_LOCAL} (only endpoints on the receiving node).</li>
 * </ul>
 *
 * <p>Real Kubernetes: {@code corev1.ServiceSpec}.
 */
public record ServiceSpec(
        @PatchStrategy(value = "merge", mergeKey = "port") List<ServicePort> ports,
        Map<String, String> selector,
        String clusterIP,
        List<String> clusterIPs,
        String type,
        List<String> externalIPs,
        String sessionAffinity,
        String loadBalancerIP,
        List<String> loadBalancerSourceRanges,
        String externalName,
        String externalTrafficPolicy,
        Integer healthCheckNodePort,
        Boolean publishNotReadyAddresses,
        SessionAffinityConfig sessionAffinityConfig,
        List<String> ipFamilies,
        String ipFamilyPolicy,
        Boolean allocateLoadBalancerNodePorts,
        String loadBalancerClass,
        String internalTrafficPolicy,
        String trafficDistribution) {

    /** The {@code clusterIP} of a headless Service. */
    public static final String CLUSTER_IP_NONE = "None";
    public static final String TRAFFIC_POLICY_CLUSTER = "Cluster";
    public static final String TRAFFIC_POLICY_LOCAL = "Local";

    public ServiceSpec {
        ports = Copies.list(ports);
        selector = Copies.map(selector);
        clusterIPs = Copies.list(clusterIPs);
        externalIPs = Copies.list(externalIPs);
        loadBalancerSourceRanges = Copies.list(loadBalancerSourceRanges);
        ipFamilies = Copies.list(ipFamilies);
    }

    /** A Service of {@code type} selecting pods by {@code selector}, with everything else absent. */
    public static ServiceSpec of(String type, Map<String, String> selector, List<ServicePort> ports) {
        return new ServiceSpec(ports, selector, null, null, type, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null);
    }

    /** True for {@code clusterIP: None}: DNS answers with the endpoints' addresses instead of a virtual IP. */
    @JsonIgnore // derived, not a field of the object
    public boolean isHeadless() {
        return CLUSTER_IP_NONE.equals(clusterIP);
    }

    public ServiceSpec withPorts(List<ServicePort> ports) {
        return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs, sessionAffinity,
                loadBalancerIP, loadBalancerSourceRanges, externalName, externalTrafficPolicy, healthCheckNodePort,
                publishNotReadyAddresses, sessionAffinityConfig, ipFamilies, ipFamilyPolicy,
                allocateLoadBalancerNodePorts, loadBalancerClass, internalTrafficPolicy, trafficDistribution);
    }

    /** A copy with the allocated cluster IP, as {@code clusterIP} and as the only entry of {@code clusterIPs}. */
    public ServiceSpec withClusterIP(String clusterIP) {
        return withClusterIPs(clusterIP, clusterIP == null ? List.of() : List.of(clusterIP));
    }

    public ServiceSpec withClusterIPs(String clusterIP, List<String> clusterIPs) {
        return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs, sessionAffinity,
                loadBalancerIP, loadBalancerSourceRanges, externalName, externalTrafficPolicy, healthCheckNodePort,
                publishNotReadyAddresses, sessionAffinityConfig, ipFamilies, ipFamilyPolicy,
                allocateLoadBalancerNodePorts, loadBalancerClass, internalTrafficPolicy, trafficDistribution);
    }

    public ServiceSpec withType(String type) {
        return new ServiceSpec(ports, selector, clusterIP, clusterIPs, type, externalIPs, sessionAffinity,
                loadBalancerIP, loadBalancerSourceRanges, externalName, externalTrafficPolicy, healthCheckNodePort,
                publishNotReadyAddresses, sessionAffinityConfig, ipFamilies, ipFamilyPolicy,
                allocateLoadBalancerNodePorts, loadBalancerClass, internalTrafficPolicy, trafficDistribution);
    }
}
