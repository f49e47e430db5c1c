package kubelab.apiserver.registry.networking;

import com.google.common.net.InetAddresses;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import kubelab.api.core.TypedLocalObjectReference;
import kubelab.api.networking.HTTPIngressPath;
import kubelab.api.networking.Ingress;
import kubelab.api.networking.IngressBackend;
import kubelab.api.networking.IngressRule;
import kubelab.api.networking.IngressSpec;
import kubelab.api.networking.IngressTLS;
import kubelab.api.networking.PathType;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;

/**
 * Ingresses: a default backend or rules; hosts that are DNS names (a leading {@code *.} allowed),
 * not IPs; each path with a {@code pathType} (Exact and Prefix paths absolute and without
 * {@code //} or {@code /../}); each backend exactly one of a Service (by name, and port by name or
 * number) or a resource. A new generation for each spec change.
 *
 * <p>Two quirks are kept as Kubernetes has them: errors inside any rule's {@code http} are
 * reported under {@code spec.rules[0]}, and a TLS host's error under the index of the host, not
 * of the TLS entry.
 *
 * <p>Real Kubernetes: {@code pkg/registry/networking/ingress/strategy.go} and {@code ValidateIngressSpec}
 * in {@code pkg/apis/networking/validation/validation.go}.
 */
public final class IngressStrategy implements Strategy<Ingress> {
    static final String CLASS_ANNOTATION = "kubernetes.io/ingress.class";
    private static final List<String> PATH_TYPES = List.of(PathType.EXACT, PathType.IMPLEMENTATION_SPECIFIC, PathType.PREFIX);
    private static final List<String> INVALID_SEQUENCES = List.of("//", "/./", "/../", "%2f", "%2F");
    private static final List<String> INVALID_SUFFIXES = List.of("/..", "/.");
    private static final String WILDCARD_FMT = "\\*\\." + NameValidation.DNS1123_SUBDOMAIN_FMT;
    private static final Pattern WILDCARD = Pattern.compile(WILDCARD_FMT);

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(Ingress ingress) {
        List<FieldError> errors = new ArrayList<>(validateSpec(ingress.spec()));
        String annotated = ingress.metadata().annotations().get(CLASS_ANNOTATION);
        if (annotated != null && ingress.spec() != null && ingress.spec().ingressClassName() != null) {
            errors.add(FieldError.invalid("annotations." + CLASS_ANNOTATION, annotated,
                    "can not be set when the class field is also set"));
        }
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(Ingress ingress, Ingress old) {
        return validateSpec(ingress.spec());
    }

    private static List<FieldError> validateSpec(IngressSpec spec) {
        if (spec == null) {
            spec = new IngressSpec(null, null, null, null);
        }
        List<FieldError> errors = new ArrayList<>();
        if (spec.rules().isEmpty() && spec.defaultBackend() == null) {
            errors.add(FieldError.invalid("spec", GoValue.of("[]networking.IngressRule(nil)"),
                    "either `defaultBackend` or `rules` must be specified"));
        }
        if (spec.defaultBackend() != null) {
            errors.addAll(backend(spec.defaultBackend(), "spec.defaultBackend"));
        }
        for (int i = 0; i < spec.rules().size(); i++) {
            IngressRule rule = spec.rules().get(i);
            if (rule.host() != null && !rule.host().isEmpty()) {
                errors.addAll(host(rule.host(), "spec.rules[" + i + "].host", true));
            }
            if (rule.http() != null) {
                // Kubernetes passes fldPath.Index(0) here, for every rule.
                String at = "spec.rules[0].http";
                if (rule.http().paths().isEmpty()) {
                    errors.add(FieldError.required(at + ".paths", null));
                }
                for (int p = 0; p < rule.http().paths().size(); p++) {
                    errors.addAll(path(rule.http().paths().get(p), at + ".paths[" + p + "]"));
                }
            }
        }
        for (IngressTLS tls : spec.tls()) {
            for (int i = 0; i < tls.hosts().size(); i++) {
                errors.addAll(host(tls.hosts().get(i), "spec.tls[" + i + "].hosts", false));
            }
        }
        if (spec.ingressClassName() != null) {
            errors.addAll(FieldChecks.dns1123Subdomain(spec.ingressClassName(), "spec.ingressClassName"));
        }
        return errors;
    }

    private static List<FieldError> host(String host, String path, boolean rejectIP) {
        List<FieldError> errors = new ArrayList<>();
        if (rejectIP && InetAddresses.isInetAddress(host)) {
            errors.add(FieldError.invalid(path, host, "must be a DNS name, not an IP address"));
        }
        if (host.contains("*")) {
            if (NameValidation.byteLength(host) > NameValidation.DNS1123_SUBDOMAIN_MAX_LENGTH) {
                errors.add(FieldError.invalid(path, host, NameValidation.maxLenError(NameValidation.DNS1123_SUBDOMAIN_MAX_LENGTH)));
            }
            if (!WILDCARD.matcher(host).matches()) {
                errors.add(FieldError.invalid(path, host, NameValidation.regexError("a wildcard DNS-1123 subdomain must "
                        + "start with '*.', followed by a valid DNS subdomain, which must consist of lower case "
                        + "alphanumeric characters, '-' or '.' and end with an alphanumeric character",
                        WILDCARD_FMT, "*.example.com")));
            }
            return errors;
        }
        errors.addAll(FieldChecks.dns1123Subdomain(host, path));
        return errors;
    }

    private static List<FieldError> path(HTTPIngressPath p, String at) {
        List<FieldError> errors = new ArrayList<>();
        if (p.pathType() == null) {
            return List.of(FieldError.required(at + ".pathType", "pathType must be specified"));
        }
        String path = p.path() == null ? "" : p.path();
        switch (p.pathType()) {
            case PathType.EXACT, PathType.PREFIX -> {
                if (!path.startsWith("/")) {
                    errors.add(FieldError.invalid(at + ".path", path, "must be an absolute path"));
                }
                for (String seq : INVALID_SEQUENCES) {
                    if (!path.isEmpty() && path.contains(seq)) {
                        errors.add(FieldError.invalid(at + ".path", path, "must not contain '" + seq + "'"));
                    }
                }
                for (String suffix : INVALID_SUFFIXES) {
                    if (!path.isEmpty() && path.endsWith(suffix)) {
                        errors.add(FieldError.invalid(at + ".path", path, "cannot end with '" + suffix + "'"));
                    }
                }
            }
            case PathType.IMPLEMENTATION_SPECIFIC -> {
                if (!path.isEmpty() && !path.startsWith("/")) {
                    errors.add(FieldError.invalid(at + ".path", path, "must be an absolute path"));
                }
            }
            default -> errors.add(FieldError.notSupported(at + ".pathType", p.pathType(), PATH_TYPES));
        }
        errors.addAll(backend(p.backend(), at + ".backend"));
        return errors;
    }

    /** A Service (by name, with a port name or number) or a resource; exactly one. */
    static List<FieldError> backend(IngressBackend backend, String path) {
        List<FieldError> errors = new ArrayList<>();
        boolean resource = backend != null && backend.resource() != null;
        boolean service = backend != null && backend.service() != null;
        if (resource && service) {
            return List.of(FieldError.invalid(path, "", "cannot set both resource and service backends"));
        }
        if (resource) {
            return typedReference(backend.resource(), path + ".resource");
        }
        if (!service) {
            return List.of(FieldError.invalid(path, "", "resource or service backend is required"));
        }
        var svc = backend.service();
        if (svc.name() == null || svc.name().isEmpty()) {
            errors.add(FieldError.required(path + ".service.name", null));
        } else {
            errors.addAll(FieldChecks.dns1035Label(svc.name(), path + ".service.name"));
        }
        String portName = svc.port() == null || svc.port().name() == null ? "" : svc.port().name();
        int portNumber = svc.port() == null || svc.port().number() == null ? 0 : svc.port().number();
        if (!portName.isEmpty() && portNumber != 0) {
            errors.add(FieldError.invalid(path, "", "cannot set both port name & port number"));
        } else if (!portName.isEmpty()) {
            for (String msg : FieldChecks.portName(portName)) {
                errors.add(FieldError.invalid(path + ".service.port.name", portName, msg));
            }
        } else if (portNumber != 0) {
            for (String msg : FieldChecks.portNum(portNumber)) {
                errors.add(FieldError.invalid(path + ".service.port.number", portNumber, msg));
            }
        } else {
            errors.add(FieldError.required(path, "port name or number is required"));
        }
        return errors;
    }

    private static List<FieldError> typedReference(TypedLocalObjectReference ref, String path) {
        List<FieldError> errors = new ArrayList<>();
        if (ref.apiGroup() != null) {
            errors.addAll(FieldChecks.dns1123Subdomain(ref.apiGroup(), path + ".apiGroup"));
        }
        if (ref.kind() == null || ref.kind().isEmpty()) {
            errors.add(FieldError.required(path + ".kind", "kind is required"));
        }
        if (ref.name() == null || ref.name().isEmpty()) {
            errors.add(FieldError.required(path + ".name", "name is required"));
        }
        return errors;
    }
}
