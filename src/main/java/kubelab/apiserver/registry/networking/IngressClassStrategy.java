package kubelab.apiserver.registry.networking;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.regex.Pattern;
import kubelab.api.networking.IngressClass;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;

/**
 * IngressClasses: cluster-scoped; {@code spec.controller} is a domain-prefixed path such as
 * {@code k8s.io/ingress-nginx}, at most 250 characters, and never changes: the controller that
 * serves a class is part of the class's identity.
 *
 * <p>Real Kubernetes: {@code pkg/registry/networking/ingressclass/strategy.go} and
 * {@code ValidateIngressClass} / {@code ValidateIngressClassUpdate}.
 */
public final class IngressClassStrategy implements Strategy<IngressClass> {
    private static final int MAX_CONTROLLER_LENGTH = 250;
    private static final String HTTP_PATH_FMT = "[A-Za-z0-9/\\-._~%!$&'()*+,;=:]+";
    private static final Pattern HTTP_PATH = Pattern.compile(HTTP_PATH_FMT);

    @Override
    public boolean hasGeneration() {
        return true;
    }

    @Override
    public List<FieldError> validate(IngressClass ingressClass) {
        String controller = ingressClass.spec() == null || ingressClass.spec().controller() == null
                ? "" : ingressClass.spec().controller();
        List<FieldError> errors = new ArrayList<>();
        if (controller.length() > MAX_CONTROLLER_LENGTH) {
            errors.add(FieldError.tooLong("spec.controller", controller, MAX_CONTROLLER_LENGTH));
        }
        errors.addAll(domainPrefixedPath(controller, "spec.controller"));
        return errors;
    }

    @Override
    public List<FieldError> validateUpdate(IngressClass ingressClass, IngressClass old) {
        List<FieldError> errors = new ArrayList<>();
        String controller = ingressClass.spec() == null ? null : ingressClass.spec().controller();
        String before = old.spec() == null ? null : old.spec().controller();
        if (!Objects.equals(controller, before)) {
            errors.add(FieldError.invalid("spec.controller", controller, FieldChecks.IMMUTABLE));
        }
        errors.addAll(validate(ingressClass));
        return errors;
    }

    /** Kubernetes' {@code IsDomainPrefixedPath}: {@code <DNS subdomain>/<http path>}. */
    static List<FieldError> domainPrefixedPath(String value, String path) {
        if (value.isEmpty()) {
            return List.of(FieldError.required(path, null));
        }
        String[] segments = value.split("/", 2);
        if (segments.length != 2 || segments[0].isEmpty() || segments[1].isEmpty()) {
            return List.of(FieldError.invalid(path, value, "must be a domain-prefixed path (such as \"acme.io/foo\")"));
        }
        List<FieldError> errors = new ArrayList<>(FieldChecks.dns1123Subdomain(segments[0], path));
        if (!HTTP_PATH.matcher(segments[1]).matches()) {
            errors.add(FieldError.invalid(path, segments[1], NameValidation.regexError("must be a valid path", HTTP_PATH_FMT)));
        }
        return errors;
    }
}
