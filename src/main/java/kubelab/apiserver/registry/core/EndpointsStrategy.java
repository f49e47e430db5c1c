package kubelab.apiserver.registry.core;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.core.EndpointAddress;
import kubelab.api.core.EndpointPort;
import kubelab.api.core.EndpointSubset;
import kubelab.api.core.Endpoints;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * Endpoints, the addresses behind a Service: ports default to TCP; each subset lists ready or
 * not-ready addresses; an address is a real, routable IP (not loopback, not link-local, not
 * 0.0.0.0, since kube-proxy would send Service traffic there); ports are named when there are
 * several, as the Service's ports are.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/endpoint/strategy.go}, {@code SetDefaults_Endpoints}
 * and {@code ValidateEndpoints} / {@code ValidateNonSpecialIP}.
 */
public final class EndpointsStrategy implements Strategy<Endpoints> {
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");

    @Override
    public Endpoints applyDefaults(Endpoints endpoints) {
        return JsonDefaults.apply(endpoints, Endpoints.class, tree -> {
            for (var subset : JsonDefaults.objects(tree, "subsets")) {
                for (var port : JsonDefaults.objects(subset, "ports")) {
                    JsonDefaults.putIfAbsent(port, "protocol", "TCP");
                }
            }
        });
    }

    @Override
    public List<FieldError> validate(Endpoints endpoints) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < endpoints.subsets().size(); i++) {
            EndpointSubset ss = endpoints.subsets().get(i);
            String at = "subsets[" + i + "]";
            if (ss.addresses().isEmpty() && ss.notReadyAddresses().isEmpty()) {
                errors.add(FieldError.required(at, "must specify `addresses` or `notReadyAddresses`"));
            }
            for (int a = 0; a < ss.addresses().size(); a++) {
                errors.addAll(address(ss.addresses().get(a), at + ".addresses[" + a + "]"));
            }
            for (int a = 0; a < ss.notReadyAddresses().size(); a++) {
                errors.addAll(address(ss.notReadyAddresses().get(a), at + ".notReadyAddresses[" + a + "]"));
            }
            for (int p = 0; p < ss.ports().size(); p++) {
                errors.addAll(port(ss.ports().get(p), ss.ports().size() > 1, at + ".ports[" + p + "]"));
            }
        }
        return errors;
    }

    private static List<FieldError> address(EndpointAddress address, String path) {
        List<FieldError> errors = new ArrayList<>(FieldChecks.ip(address.ip(), path + ".ip"));
        if (address.hostname() != null && !address.hostname().isEmpty()) {
            errors.addAll(FieldChecks.dns1123Label(address.hostname(), path + ".hostname"));
        }
        if (address.nodeName() != null) {
            for (String msg : NameValidation.isDNS1123Subdomain(address.nodeName())) {
                errors.add(FieldError.invalid(path + ".nodeName", address.nodeName(), msg));
            }
        }
        errors.addAll(FieldChecks.nonSpecialIP(address.ip(), path + ".ip"));
        return errors;
    }

    private static List<FieldError> port(EndpointPort port, boolean requireName, String path) {
        List<FieldError> errors = new ArrayList<>();
        String name = port.name() == null ? "" : port.name();
        if (requireName && name.isEmpty()) {
            errors.add(FieldError.required(path + ".name", null));
        } else if (!name.isEmpty()) {
            errors.addAll(FieldChecks.dns1123Label(name, path + ".name"));
        }
        int number = port.port() == null ? 0 : port.port();
        for (String msg : FieldChecks.portNum(number)) {
            errors.add(FieldError.invalid(path + ".port", number, msg));
        }
        String protocol = port.protocol() == null ? "" : port.protocol();
        if (protocol.isEmpty()) {
            errors.add(FieldError.required(path + ".protocol", null));
        } else if (!PROTOCOLS.contains(protocol)) {
            errors.add(FieldError.notSupported(path + ".protocol", protocol, PROTOCOLS));
        }
        if (port.appProtocol() != null) {
            errors.addAll(LabelChecks.qualifiedName(port.appProtocol(), path + ".appProtocol"));
        }
        return errors;
    }
}
