package kubelab.apiserver.registry.discovery;

import com.google.common.net.InetAddresses;
import java.net.Inet4Address;
import java.net.Inet6Address;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kubelab.api.discovery.AddressType;
import kubelab.api.discovery.Endpoint;
import kubelab.api.discovery.EndpointPort;
import kubelab.api.discovery.EndpointSlice;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.JsonDefaults;
import kubelab.apiserver.registry.validation.LabelChecks;

/**
 * EndpointSlices: ports default to TCP with an empty name; the address type is IPv4, IPv6 or FQDN
 * and never changes; each endpoint has 1 to 100 addresses of that type; port names are unique.
 * Each change is a new generation, which the EndpointSlice controller uses to tell its own
 * writes from others'.
 *
 * <p>Real Kubernetes: {@code pkg/registry/discovery/endpointslice/strategy.go},
 * {@code SetDefaults_EndpointPort} and {@code ValidateEndpointSlice} in
 * {@code pkg/apis/discovery/validation/validation.go}.
 */
public final class EndpointSliceStrategy implements Strategy<EndpointSlice> {
    private static final List<String> ADDRESS_TYPES = List.of(AddressType.FQDN, AddressType.IPV4, AddressType.IPV6);
    private static final List<String> PROTOCOLS = List.of("SCTP", "TCP", "UDP");
    private static final int MAX_ADDRESSES = 100;
    private static final int MAX_ENDPOINTS = 1000;

    @Override
    public EndpointSlice applyDefaults(EndpointSlice slice) {
        return JsonDefaults.apply(slice, EndpointSlice.class, tree -> {
            for (var port : JsonDefaults.objects(tree, "ports")) {
                JsonDefaults.putIfAbsent(port, "protocol", "TCP");
                if (JsonDefaults.unset(port, "name")) {
                    port.put("name", "");
                }
            }
        });
    }

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(EndpointSlice slice) {
        List<FieldError> errors = new ArrayList<>();
        String type = slice.addressType() == null ? "" : slice.addressType();
        if (type.isEmpty()) {
            errors.add(FieldError.required("addressType", null));
        } else if (!ADDRESS_TYPES.contains(type)) {
            errors.add(FieldError.notSupported("addressType", type, ADDRESS_TYPES));
        }
        if (slice.endpoints().size() > MAX_ENDPOINTS) {
            errors.add(new FieldError(FieldError.Type.TOO_MANY, "endpoints", slice.endpoints().size(),
                    "must have at most " + MAX_ENDPOINTS + " items"));
        } else {
            for (int i = 0; i < slice.endpoints().size(); i++) {
                errors.addAll(endpoint(slice.endpoints().get(i), type, "endpoints[" + i + "]"));
            }
        }
        Set<String> names = new HashSet<>();
        for (int i = 0; i < slice.ports().size(); i++) {
            EndpointPort port = slice.ports().get(i);
            String at = "ports[" + i + "]";
            String name = port.name() == null ? "" : port.name();
            if (!name.isEmpty()) {
                errors.addAll(FieldChecks.dns1123Label(name, at + ".name"));
            }
            if (!names.add(name)) {
                errors.add(FieldError.duplicate(at + ".name", name));
            }
            if (port.protocol() == null) {
                errors.add(FieldError.required(at + ".protocol", null));
            } else if (!PROTOCOLS.contains(port.protocol())) {
                errors.add(FieldError.notSupported(at + ".protocol", port.protocol(), PROTOCOLS));
            }
            if (port.appProtocol() != null) {
                errors.addAll(LabelChecks.qualifiedName(port.appProtocol(), at + ".appProtocol"));
            }
        }
        return errors;
    }

    private static List<FieldError> endpoint(Endpoint endpoint, String type, String at) {
        List<FieldError> errors = new ArrayList<>();
        String addresses = at + ".addresses";
        if (endpoint.addresses().isEmpty()) {
            errors.add(FieldError.required(addresses, "must contain at least 1 address"));
        } else if (endpoint.addresses().size() > MAX_ADDRESSES) {
            errors.add(new FieldError(FieldError.Type.TOO_MANY, addresses, endpoint.addresses().size(),
                    "must have at most " + MAX_ADDRESSES + " items"));
        }
        for (int i = 0; i < endpoint.addresses().size(); i++) {
            String address = endpoint.addresses().get(i);
            String path = addresses + "[" + i + "]";
            switch (type) {
                case AddressType.IPV4 -> {
                    if (!InetAddresses.isInetAddress(address) || !(InetAddresses.forString(address) instanceof Inet4Address)) {
                        errors.add(FieldError.invalid(path, address, "must be a valid IPv4 address"));
                    }
                    errors.addAll(FieldChecks.nonSpecialIP(address, path));
                }
                case AddressType.IPV6 -> {
                    if (!InetAddresses.isInetAddress(address) || !(InetAddresses.forString(address) instanceof Inet6Address)) {
                        errors.add(FieldError.invalid(path, address, "must be a valid IPv6 address"));
                    }
                    errors.addAll(FieldChecks.nonSpecialIP(address, path));
                }
                case AddressType.FQDN -> errors.addAll(FieldChecks.dns1123Subdomain(address, path));
                default -> {
                }
            }
        }
        if (endpoint.nodeName() != null) {
            errors.addAll(FieldChecks.dns1123Subdomain(endpoint.nodeName(), at + ".nodeName"));
        }
        if (endpoint.hostname() != null) {
            errors.addAll(FieldChecks.dns1123Label(endpoint.hostname(), at + ".hostname"));
        }
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(EndpointSlice slice, EndpointSlice old) {
        List<FieldError> errors = new ArrayList<>(validate(slice));
        errors.addAll(FieldChecks.immutable(slice.addressType(), old.addressType(), "addressType", slice.addressType()));
        return errors;
    }
}
