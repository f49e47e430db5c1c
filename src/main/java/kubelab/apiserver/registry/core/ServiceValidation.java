package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import kubelab.api.core.Service;
import kubelab.api.core.ServicePort;
import kubelab.api.core.ServiceSpec;
import kubelab.api.core.ServiceType;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * The rules of a Service spec: ports (required unless headless or ExternalName; named when
 * there are several; unique by protocol and port), a supported type, node ports only where there
 * are node ports, an {@code externalName} only for ExternalName, well-formed IPs, traffic policies
 * that fit the type; and on update, a cluster IP that never changes once set.
 *
 * <p>Real Kubernetes: {@code ValidateService}, {@code validateServicePort} and
 * {@code validateUpgradeDowngradeClusterIPs} in {@code pkg/apis/core/validation/validation.go}.
 */
final class ServiceValidation {
    private static final List<String> TYPES = List.of(ServiceType.CLUSTER_IP, ServiceType.EXTERNAL_NAME,
            ServiceType.LOAD_BALANCER, ServiceType.NODE_PORT);
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final List<String> POLICIES = List.of("Cluster", "Local");
    private static final int KUBELET_PORT = 10250;

    private ServiceValidation() {
    }

    static List<FieldError> validate(Service service) {
        ServiceSpec spec = service.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>();
        String type = spec.type() == null ? "" : spec.type();
        boolean headless = spec.clusterIPs().size() == 1 && ServiceSpec.CLUSTER_IP_NONE.equals(spec.clusterIPs().get(0));
        if (spec.ports().isEmpty() && !headless && !type.equals(ServiceType.EXTERNAL_NAME)) {
            errors.add(FieldError.required("spec.ports", null));
        }
        switch (type) {
            case ServiceType.LOAD_BALANCER -> {
                for (int i = 0; i < spec.ports().size(); i++) {
                    if (Objects.equals(spec.ports().get(i).port(), KUBELET_PORT)) {
                        errors.add(FieldError.invalid("spec.ports[" + i + "]", KUBELET_PORT,
                                "may not expose port 10250 externally since it is used by kubelet"));
                    }
                }
                if (headless) {
                    errors.add(FieldError.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for LoadBalancer services"));
                }
            }
            case ServiceType.NODE_PORT -> {
                if (headless) {
                    errors.add(FieldError.invalid("spec.clusterIPs[0]", "None", "may not be set to 'None' for NodePort services"));
                }
            }
            case ServiceType.EXTERNAL_NAME -> errors.addAll(externalName(spec));
            default -> {
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            errors.addAll(port(spec.ports().get(i), spec.ports().size() > 1, names, "spec.ports[" + i + "]"));
        }
        errors.addAll(LabelChecks.labels(spec.selector(), "spec.selector"));
        errors.addAll(sessionAffinity(spec));
        for (int i = 0; i < spec.clusterIPs().size(); i++) {
            String ip = spec.clusterIPs().get(i);
            if (!(i == 0 && ServiceSpec.CLUSTER_IP_NONE.equals(ip))) {
                errors.addAll(FieldChecks.ip(ip, "spec.clusterIPs[" + i + "]"));
            }
        }
        for (int i = 0; i < spec.externalIPs().size(); i++) {
            errors.addAll(FieldChecks.ip(spec.externalIPs().get(i), "spec.externalIPs[" + i + "]"));
        }
        if (type.isEmpty()) {
            errors.add(FieldError.required("spec.type", null));
        } else if (!TYPES.contains(type)) {
            errors.add(FieldError.notSupported("spec.type", type, TYPES));
        }
        if (type.equals(ServiceType.CLUSTER_IP)) {
            for (int i = 0; i < spec.ports().size(); i++) {
                Integer nodePort = spec.ports().get(i).nodePort();
                if (nodePort != null && nodePort != 0) {
                    errors.add(FieldError.forbidden("spec.ports[" + i + "].nodePort", "may not be used when `type` is 'ClusterIP'"));
                }
            }
        }
        errors.addAll(duplicates(spec));
        if (!spec.loadBalancerSourceRanges().isEmpty() && !type.equals(ServiceType.LOAD_BALANCER)) {
            errors.add(FieldError.forbidden("spec.LoadBalancerSourceRanges", "may only be used when `type` is 'LoadBalancer'"));
        }
        if (spec.allocateLoadBalancerNodePorts() != null && !type.equals(ServiceType.LOAD_BALANCER)) {
            errors.add(FieldError.forbidden("spec.allocateLoadBalancerNodePorts", "may only be used when `type` is 'LoadBalancer'"));
        }
        if (type.equals(ServiceType.LOAD_BALANCER) && spec.allocateLoadBalancerNodePorts() == null) {
            errors.add(FieldError.required("allocateLoadBalancerNodePorts", null)); // sic: Kubernetes leaves out "spec."
        }
        errors.addAll(trafficPolicies(spec, type));
        return errors;
    }

    private static List<FieldError> externalName(ServiceSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        if (!spec.clusterIPs().isEmpty()) {
            errors.add(FieldError.forbidden("spec.clusterIPs", "may not be set for ExternalName services"));
        }
        if (!spec.ipFamilies().isEmpty()) {
            errors.add(FieldError.forbidden("spec.ipFamilies", "may not be set for ExternalName services"));
        }
        if (spec.ipFamilyPolicy() != null) {
            errors.add(FieldError.forbidden("spec.ipFamilyPolicy", "may not be set for ExternalName services"));
        }
        String cname = spec.externalName() == null ? "" : spec.externalName();
        cname = cname.endsWith(".") ? cname.substring(0, cname.length() - 1) : cname; // a CNAME may be fully qualified
        if (cname.isEmpty()) {
            errors.add(FieldError.required("spec.externalName", null));
        } else {
            errors.addAll(FieldChecks.dns1123Subdomain(cname, "spec.externalName"));
        }
        return errors;
    }

    private static List<FieldError> port(ServicePort p, boolean requireName, Set<String> names, String path) {
        List<FieldError> errors = new ArrayList<>();
        String name = p.name() == null ? "" : p.name();
        if (requireName && name.isEmpty()) {
            errors.add(FieldError.required(path + ".name", null));
        } else if (!name.isEmpty()) {
            errors.addAll(FieldChecks.dns1123Label(name, path + ".name"));
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(path + ".name", name));
            }
        }
        int number = p.port() == null ? 0 : p.port();
        for (String msg : FieldChecks.portNum(number)) {
            errors.add(FieldError.invalid(path + ".port", number, msg));
        }
        String protocol = p.protocol() == null ? "" : p.protocol();
        if (protocol.isEmpty()) {
            errors.add(FieldError.required(path + ".protocol", null));
        } else if (!PROTOCOLS.contains(protocol)) {
            errors.add(FieldError.notSupported(path + ".protocol", protocol, PROTOCOLS));
        }
        errors.addAll(FieldChecks.portNumOrName(p.targetPort(), path + ".targetPort"));
        if (p.appProtocol() != null) {
            errors.addAll(LabelChecks.qualifiedName(p.appProtocol(), path + ".appProtocol"));
        }
        return errors;
    }

    private static List<FieldError> sessionAffinity(ServiceSpec spec) {
        String affinity = spec.sessionAffinity() == null ? "" : spec.sessionAffinity();
        if (affinity.isEmpty()) {
            return List.of(FieldError.required("spec.sessionAffinity", null));
        }
        if (!affinity.equals("ClientIP") && !affinity.equals("None")) {
            return List.of(FieldError.notSupported("spec.sessionAffinity", affinity, List.of("ClientIP", "None")));
        }
        if (affinity.equals("None") && spec.sessionAffinityConfig() != null) {
            return List.of(FieldError.forbidden("spec.sessionAffinityConfig", "must not be set when session affinity is None"));
        }
        if (affinity.equals("ClientIP")) {
            var config = spec.sessionAffinityConfig();
            Integer timeout = config == null || config.clientIP() == null ? null : config.clientIP().timeoutSeconds();
            if (timeout == null) {
                return List.of(FieldError.required("spec.sessionAffinityConfig.clientIP.timeoutSeconds",
                        "when session affinity type is ClientIP"));
            }
            if (timeout <= 0 || timeout > 86400) {
                return List.of(FieldError.invalid("spec.sessionAffinityConfig.clientIP.timeoutSeconds", timeout,
                        "must be greater than 0 and less than 86400"));
            }
        }
        return List.of();
    }

    /** Node ports are unique per protocol; so are (protocol, port) pairs. */
    private static List<FieldError> duplicates(ServiceSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        Set<String> nodePorts = new HashSet<>();
        Set<String> ports = new HashSet<>();
        for (int i = 0; i < spec.ports().size(); i++) {
            ServicePort p = spec.ports().get(i);
            if (p.nodePort() != null && p.nodePort() != 0 && !nodePorts.add(p.protocol() + "/" + p.nodePort())) {
                errors.add(FieldError.duplicate("spec.ports[" + i + "].nodePort", p.nodePort()));
            }
        }
        for (int i = 0; i < spec.ports().size(); i++) {
            ServicePort p = spec.ports().get(i);
            if (!ports.add(p.protocol() + "/" + p.port())) {
                errors.add(FieldError.duplicate("spec.ports[" + i + "]", GoValue.struct("core.ServicePort",
                        "Name", "\"\"", "Protocol", GoValue.quote(p.protocol()), "AppProtocol", "(*string)(nil)",
                        "Port", String.valueOf(p.port()), "TargetPort", "intstr.IntOrString{Type:0, IntVal:0, StrVal:\"\"}",
                        "NodePort", "0")));
            }
        }
        return errors;
    }

    private static List<FieldError> trafficPolicies(ServiceSpec spec, String type) {
        List<FieldError> errors = new ArrayList<>();
        boolean external = type.equals(ServiceType.LOAD_BALANCER) || type.equals(ServiceType.NODE_PORT)
                || (type.equals(ServiceType.CLUSTER_IP) && !spec.externalIPs().isEmpty());
        String etp = spec.externalTrafficPolicy() == null ? "" : spec.externalTrafficPolicy();
        if (!external && !etp.isEmpty()) {
            errors.add(FieldError.invalid("spec.externalTrafficPolicy", etp, "may only be set for externally-accessible services"));
        } else if (external && etp.isEmpty()) {
            errors.add(FieldError.required("spec.externalTrafficPolicy", null));
        } else if (external && !POLICIES.contains(etp)) {
            errors.add(FieldError.notSupported("spec.externalTrafficPolicy", etp, POLICIES));
        }
        boolean needsHealthCheck = type.equals(ServiceType.LOAD_BALANCER) && etp.equals("Local");
        Integer hc = spec.healthCheckNodePort();
        if (!needsHealthCheck && hc != null && hc != 0) {
            errors.add(FieldError.invalid("spec.healthCheckNodePort", hc,
                    "may only be set when `type` is 'LoadBalancer' and `externalTrafficPolicy` is 'Local'"));
        }
        String itp = spec.internalTrafficPolicy();
        if (itp == null && List.of(ServiceType.NODE_PORT, ServiceType.LOAD_BALANCER, ServiceType.CLUSTER_IP).contains(type)) {
            errors.add(FieldError.required("spec.internalTrafficPolicy", null));
        } else if (itp != null && !POLICIES.contains(itp)) {
            errors.add(FieldError.notSupported("spec.internalTrafficPolicy", itp, POLICIES));
        }
        return errors;
    }

    /** The primary cluster IP never changes once set, unless the Service is or becomes ExternalName. */
    static List<FieldError> validateUpdate(Service service, Service old) {
        ServiceSpec spec = service.spec();
        ServiceSpec before = old.spec();
        if (spec == null || before == null || ServiceType.EXTERNAL_NAME.equals(spec.type())
                || ServiceType.EXTERNAL_NAME.equals(before.type())) {
            return List.of();
        }
        List<String> now = spec.clusterIPs();
        List<String> was = before.clusterIPs();
        boolean headless = now.size() == 1 && ServiceSpec.CLUSTER_IP_NONE.equals(now.get(0));
        boolean wasHeadless = was.size() == 1 && ServiceSpec.CLUSTER_IP_NONE.equals(was.get(0));
        if (headless && wasHeadless) {
            return List.of();
        }
        List<FieldError> errors = new ArrayList<>();
        if (was.size() == now.size()) {
            for (int i = 0; i < was.size(); i++) {
                if (!was.get(i).equals(now.get(i))) {
                    errors.add(FieldError.invalid("spec.clusterIPs[" + i + "]", GoValue.stringSlice(now), "may not change once set"));
                }
            }
        } else if (!was.isEmpty() && (now.isEmpty() || !was.get(0).equals(now.get(0)))) {
            errors.add(FieldError.invalid("spec.clusterIPs[0]", GoValue.stringSlice(now), "may not change once set"));
        }
        return errors;
    }
}
