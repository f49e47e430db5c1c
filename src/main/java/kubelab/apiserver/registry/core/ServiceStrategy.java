package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import kubelab.api.core.Service;
import kubelab.api.core.ServicePort;
import kubelab.api.core.ServiceSpec;
import kubelab.api.core.ServiceType;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.store.Store;

/**
 * Services. Names are DNS-1035 labels (a Service name is a DNS name and an environment variable
 * prefix, so it starts with a letter). Defaults: type ClusterIP, session affinity None, TCP ports
 * whose {@code targetPort} is the {@code port}, internal traffic policy Cluster, external traffic
 * policy Cluster for services reachable from outside, and load balancer node ports allocated. On
 * create the single-stack IPv4 family is recorded; on update, allocated values the client left
 * out ({@code clusterIP}, node ports) are kept, and the cluster IP can never change.
 *
 * <p>The strategy a registry uses ({@link #forStore}) also allocates: on create, a cluster IP from
 * the service CIDR when none is asked for ({@link ClusterIPAllocator}) and node ports for NodePort
 * and LoadBalancer Services ({@link NodePortAllocator}); an asked-for IP or port must be in range
 * and free, or the create is {@code 422 Invalid} with the allocator's words. In Kubernetes this
 * runs in the Service REST storage around the generic store; here the strategy is the one hook
 * the registry offers before validation.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/service/strategy.go} (and {@code patchAllocatedValues}
 * in {@code .../service/storage}), {@code SetDefaults_Service} and {@code ValidateService}.
 */
public final class ServiceStrategy implements Strategy<Service> {
    public static final String SPEC_CLUSTER_IP = "spec.clusterIP";
    public static final String SPEC_TYPE = "spec.type";

    private final ClusterIPAllocator clusterIPs;   // null: a strategy not bound to a store allocates nothing
    private final NodePortAllocator nodePorts;

    /** The strategy before it is bound to a store: defaults and validation, no allocation. */
    public ServiceStrategy() {
        this(null, null);
    }

    private ServiceStrategy(ClusterIPAllocator clusterIPs, NodePortAllocator nodePorts) {
        this.clusterIPs = clusterIPs;
        this.nodePorts = nodePorts;
    }

    /** The strategy of the registry over {@code store}: it allocates from that store's Services. */
    @Override
    public ServiceStrategy forStore(Store store) {
        return new ServiceStrategy(new ClusterIPAllocator(store), new NodePortAllocator(store));
    }

    @Override
    public NameRule nameRule() {
        return NameRule.DNS1035_LABEL;
    }

    @Override
    public Service applyDefaults(Service service) {
        return JsonDefaults.apply(service, Service.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "sessionAffinity", "None");
            String affinity = spec.path("sessionAffinity").asText();
            if (affinity.equals("None")) {
                spec.remove("sessionAffinityConfig");
            } else if (affinity.equals("ClientIP") && spec.path("sessionAffinityConfig").path("clientIP")
                    .path("timeoutSeconds").isMissingNode()) {
                // Three hours of stickiness unless said otherwise.
                spec.putObject("sessionAffinityConfig").putObject("clientIP").put("timeoutSeconds", 10800);
            }
            JsonDefaults.putIfAbsent(spec, "type", ServiceType.CLUSTER_IP);
            for (ObjectNode port : JsonDefaults.objects(spec, "ports")) {
                JsonDefaults.putIfAbsent(port, "protocol", "TCP");
                var target = port.get("targetPort");
                if (target == null || target.isNull() || target.asText().equals("0") || target.asText().isEmpty()) {
                    port.set("targetPort", port.get("port"));
                }
            }
            String type = spec.path("type").asText();
            boolean external = type.equals(ServiceType.LOAD_BALANCER) || type.equals(ServiceType.NODE_PORT)
                    || (type.equals(ServiceType.CLUSTER_IP) && spec.get("externalIPs") instanceof ArrayNode a && !a.isEmpty());
            if (external) {
                JsonDefaults.putIfAbsent(spec, "externalTrafficPolicy", "Cluster");
            }
            if (List.of(ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER, ServiceType.CLUSTER_IP).contains(type)) {
                JsonDefaults.putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
            }
            if (type.equals(ServiceType.LOAD_BALANCER)) {
                JsonDefaults.putIfAbsent(spec, "allocateLoadBalancerNodePorts", true);
            }
        });
    }

    /**
     * Records the IP family: single-stack IPv4, as on a cluster with one service CIDR. A headless
     * Service without a selector is RequireDualStack, so that endpoints of any family can be used.
     * Allocates a cluster IP when none was asked for, and node ports where needed.
     */
    @Override
    public Service prepareForCreate(Service service) {
        ServiceSpec spec = service.spec();
        if (spec == null || ServiceType.EXTERNAL_NAME.equals(spec.type())) {
            return service;
        }
        spec = normalizeClusterIPs(spec);
        String uid = service.metadata().uid();
        String ns = service.metadata().namespace();
        String name = service.metadata().name();
        if (clusterIPs != null && (spec.clusterIP() == null || spec.clusterIP().isEmpty())) {
            String ip = clusterIPs.allocateNext(uid, ns, name).orElseThrow(() -> ApiException.internal(
                    "failed to allocate a serviceIP: range is full"));
            spec = spec.withClusterIP(ip);
        }
        if (nodePorts != null && wantsNodePorts(spec)) {
            spec = spec.withPorts(allocateNodePorts(spec.ports(), uid, ns, name));
        }
        ObjectNode tree = (ObjectNode) Json.toTree(spec);
        if (JsonDefaults.blank(tree, "ipFamilyPolicy")) {
            boolean headlessWithoutSelector = spec.isHeadless() && spec.selector().isEmpty();
            tree.put("ipFamilyPolicy", headlessWithoutSelector ? "RequireDualStack" : "SingleStack");
        }
        if (!(tree.get("ipFamilies") instanceof ArrayNode families) || families.isEmpty()) {
            tree.putArray("ipFamilies").add("IPv4");
        }
        return service.withSpec(Json.fromTree(tree, ServiceSpec.class));
    }

    /**
     * Keeps what the server allocated and the client did not send: the cluster IPs, the IP
     * families and the node ports, so that a re-applied manifest does not try to release them.
     */
    @Override
    public Service prepareForUpdate(Service service, Service old) {
        ServiceSpec spec = service.spec();
        ServiceSpec before = old.spec();
        if (spec == null || before == null) {
            return service;
        }
        boolean needsIP = !ServiceType.EXTERNAL_NAME.equals(spec.type()) && !ServiceType.EXTERNAL_NAME.equals(before.type());
        if (needsIP && (spec.clusterIP() == null || spec.clusterIP().isEmpty()) && spec.clusterIPs().isEmpty()) {
            spec = spec.withClusterIPs(before.clusterIP(), before.clusterIPs());
        }
        spec = normalizeClusterIPs(spec);
        ObjectNode tree = (ObjectNode) Json.toTree(spec);
        if (needsIP && JsonDefaults.blank(tree, "ipFamilyPolicy") && before.ipFamilyPolicy() != null) {
            tree.put("ipFamilyPolicy", before.ipFamilyPolicy());
        }
        if (needsIP && spec.ipFamilies().isEmpty() && !before.ipFamilies().isEmpty()) {
            ArrayNode families = tree.putArray("ipFamilies");
            before.ipFamilies().forEach(families::add);
        }
        spec = Json.fromTree(tree, ServiceSpec.class);
        if (needsNodePorts(spec) && needsNodePorts(before)) {
            spec = spec.withPorts(keepNodePorts(spec.ports(), before.ports()));
        }
        return service.withSpec(spec);
    }

    /** NodePort Services, and LoadBalancers unless {@code allocateLoadBalancerNodePorts: false}. */
    private static boolean wantsNodePorts(ServiceSpec spec) {
        return ServiceType.NODE_PORT.equals(spec.type()) || ServiceType.LOAD_BALANCER.equals(spec.type())
                && !Boolean.FALSE.equals(spec.allocateLoadBalancerNodePorts());
    }

    /** Fills every port without a nodePort with a free one; ports asked for are checked in {@link #validate}. */
    private List<ServicePort> allocateNodePorts(List<ServicePort> ports, String uid, String ns, String name) {
        int missing = (int) ports.stream().filter(p -> p.nodePort() == null || p.nodePort() == 0).count();
        if (missing == 0) {
            return ports;
        }
        Set<Integer> asked = new java.util.HashSet<>();
        ports.stream().filter(p -> p.nodePort() != null && p.nodePort() != 0).forEach(p -> asked.add(p.nodePort()));
        int[] free = nodePorts.allocateNext(missing, uid, asked, ns, name).orElseThrow(() -> ApiException.internal(
                "failed to allocate a nodePort: range is full"));
        List<ServicePort> out = new ArrayList<>();
        int next = 0;
        for (ServicePort p : ports) {
            out.add(p.nodePort() == null || p.nodePort() == 0 ? p.withNodePort(free[next++]) : p);
        }
        return out;
    }

    private static boolean needsNodePorts(ServiceSpec spec) {
        return ServiceType.NODE_PORT.equals(spec.type()) || ServiceType.LOAD_BALANCER.equals(spec.type());
    }

    private static List<ServicePort> keepNodePorts(List<ServicePort> ports, List<ServicePort> old) {
        Map<String, Integer> allocated = new HashMap<>();
        for (ServicePort p : old) {
            if (p.nodePort() != null && p.nodePort() != 0) {
                allocated.put(p.protocol() + "/" + p.port(), p.nodePort());
            }
        }
        List<ServicePort> out = new ArrayList<>();
        for (ServicePort p : ports) {
            Integer kept = allocated.get(p.protocol() + "/" + p.port());
            out.add((p.nodePort() == null || p.nodePort() == 0) && kept != null ? p.withNodePort(kept) : p);
        }
        return out;
    }

    /** {@code clusterIPs} starts with {@code clusterIP}: a client may set either. */
    private static ServiceSpec normalizeClusterIPs(ServiceSpec spec) {
        String ip = spec.clusterIP();
        if (ip != null && !ip.isEmpty() && spec.clusterIPs().isEmpty()) {
            return spec.withClusterIPs(ip, List.of(ip));
        }
        if ((ip == null || ip.isEmpty()) && !spec.clusterIPs().isEmpty()) {
            return spec.withClusterIPs(spec.clusterIPs().get(0), spec.clusterIPs());
        }
        return spec;
    }

    /**
     * The rules of {@link ServiceValidation}; then, if they hold, whether the allocators can give
     * the Service the IP and node ports it asks for (in range, not another Service's).
     */
    @Override
    public List<FieldError> validate(Service service) {
        List<FieldError> errors = ServiceValidation.validate(service);
        ServiceSpec spec = service.spec();
        if (!errors.isEmpty() || clusterIPs == null || spec == null || ServiceType.EXTERNAL_NAME.equals(spec.type())) {
            return errors;
        }
        String ns = service.metadata().namespace();
        String name = service.metadata().name();
        List<FieldError> refused = new ArrayList<>();
        String ip = spec.clusterIP();
        if (ip != null && !ip.isEmpty() && !spec.isHeadless()) {
            clusterIPs.check(ip, ns, name).ifPresent(why -> refused.add(FieldError.invalid("spec.clusterIPs",
                    GoValue.stringSlice(spec.clusterIPs()), "failed to allocate IP " + ip + ": " + why)));
        }
        for (int i = 0; i < spec.ports().size(); i++) {
            Integer port = spec.ports().get(i).nodePort();
            if (port != null && port != 0) {
                String field = "spec.ports[" + i + "].nodePort";
                nodePorts.check(port, ns, name).ifPresent(why -> refused.add(FieldError.invalid(field, port, why)));
            }
        }
        return refused;
    }

    @Override
    public List<FieldError> validateUpdate(Service service, Service old) {
        List<FieldError> errors = new ArrayList<>(ServiceValidation.validateUpdate(service, old));
        errors.addAll(ServiceValidation.validate(service));
        return errors;
    }

    @Override
    public Set<String> fieldLabels() {
        return Set.of(SPEC_CLUSTER_IP, SPEC_TYPE);
    }

    @Override
    public Map<String, String> selectableFields(Service service) {
        ServiceSpec spec = service.spec();
        return Map.of(SPEC_CLUSTER_IP, spec == null ? "" : Objects.toString(spec.clusterIP(), ""),
                SPEC_TYPE, spec == null ? "" : Objects.toString(spec.type(), ""));
    }
}
