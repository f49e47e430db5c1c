package kubelab.apiserver.registry.rbac;

import java.util.ArrayList;
import java.util.List;
import kubelab.api.rbac.PolicyRule;
import kubelab.api.rbac.RbacV1;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.api.validation.NameValidation;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;

/**
 * The rules of RBAC objects: a policy rule names at least one verb and either resources (with
 * their API groups) or non-resource URLs (cluster roles only); a binding refers to a Role or
 * ClusterRole of {@code rbac.authorization.k8s.io} by a valid name, and each subject is a User,
 * Group or ServiceAccount with the API group that kind belongs to.
 *
 * <p>Real Kubernetes: {@code ValidatePolicyRule}, {@code ValidateRoleBindingSubject} and the
 * {@code roleRef} checks in {@code pkg/apis/rbac/validation/validation.go}; the defaults of
 * {@code pkg/apis/rbac/v1/defaults.go}.
 */
public final class RbacValidation {
    private RbacValidation() {
    }

    /** The rules of a Role ({@code namespaced}) or ClusterRole, at {@code rules[i]}. */
    static List<FieldError> rules(List<PolicyRule> rules, boolean namespaced) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < rules.size(); i++) {
            PolicyRule rule = rules.get(i);
            String at = "rules[" + i + "]";
            if (rule.verbs().isEmpty()) {
                errors.add(FieldError.required(at + ".verbs", "verbs must contain at least one value"));
            }
            if (!rule.nonResourceURLs().isEmpty()) {
                if (namespaced) {
                    errors.add(FieldError.invalid(at + ".nonResourceURLs", GoValue.stringSlice(rule.nonResourceURLs()),
                            "namespaced rules cannot apply to non-resource URLs"));
                }
                if (!rule.apiGroups().isEmpty() || !rule.resources().isEmpty() || !rule.resourceNames().isEmpty()) {
                    errors.add(FieldError.invalid(at + ".nonResourceURLs", GoValue.stringSlice(rule.nonResourceURLs()),
                            "rules cannot apply to both regular resources and non-resource URLs"));
                }
                continue;
            }
            if (rule.apiGroups().isEmpty()) {
                errors.add(FieldError.required(at + ".apiGroups", "resource rules must supply at least one api group"));
            }
            if (rule.resources().isEmpty()) {
                errors.add(FieldError.required(at + ".resources", "resource rules must supply at least one resource"));
            }
        }
        return errors;
    }

    /** A binding's roleRef: the RBAC group, an allowed kind, a valid name. */
    static List<FieldError> roleRef(RoleRef ref, List<String> kinds) {
        List<FieldError> errors = new ArrayList<>();
        String group = ref == null || ref.apiGroup() == null ? "" : ref.apiGroup();
        String kind = ref == null || ref.kind() == null ? "" : ref.kind();
        String name = ref == null || ref.name() == null ? "" : ref.name();
        if (!group.equals(RbacV1.GROUP)) {
            errors.add(FieldError.notSupported("roleRef.apiGroup", group, List.of(RbacV1.GROUP)));
        }
        if (!kinds.contains(kind)) {
            errors.add(FieldError.notSupported("roleRef.kind", kind, kinds));
        }
        if (name.isEmpty()) {
            errors.add(FieldError.required("roleRef.name", null));
        } else {
            for (String msg : FieldChecks.pathSegment(name)) {
                errors.add(FieldError.invalid("roleRef.name", name, msg));
            }
        }
        return errors;
    }

    /** {@code roleRef: Invalid value: rbac.RoleRef{...}: cannot change roleRef}. */
    static List<FieldError> roleRefUnchanged(RoleRef ref, RoleRef old) {
        if (java.util.Objects.equals(ref, old)) {
            return List.of();
        }
        RoleRef r = ref == null ? new RoleRef(null, null, null) : ref;
        return List.of(FieldError.invalid("roleRef", GoValue.struct("rbac.RoleRef", "APIGroup", GoValue.quote(r.apiGroup()),
                "Kind", GoValue.quote(r.kind()), "Name", GoValue.quote(r.name())), "cannot change roleRef"));
    }

    /** Each subject, at {@code subjects[i]}; a ServiceAccount of a ClusterRoleBinding needs a namespace. */
    static List<FieldError> subjects(List<Subject> subjects, boolean namespaced) {
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < subjects.size(); i++) {
            Subject s = subjects.get(i);
            String at = "subjects[" + i + "]";
            String name = s.name() == null ? "" : s.name();
            String group = s.apiGroup() == null ? "" : s.apiGroup();
            if (name.isEmpty()) {
                errors.add(FieldError.required(at + ".name", null));
            }
            switch (s.kind() == null ? "" : s.kind()) {
                case Subject.SERVICE_ACCOUNT_KIND -> {
                    if (!name.isEmpty()) {
                        for (String msg : NameValidation.isDNS1123Subdomain(name)) {
                            errors.add(FieldError.invalid(at + ".name", name, msg));
                        }
                    }
                    if (!group.isEmpty()) {
                        errors.add(FieldError.notSupported(at + ".apiGroup", group, List.of("")));
                    }
                    if (!namespaced && (s.namespace() == null || s.namespace().isEmpty())) {
                        errors.add(FieldError.required(at + ".namespace", null));
                    }
                }
                case Subject.USER_KIND, Subject.GROUP_KIND -> {
                    if (!group.equals(RbacV1.GROUP)) {
                        errors.add(FieldError.notSupported(at + ".apiGroup", group, List.of(RbacV1.GROUP)));
                    }
                }
                default -> errors.add(FieldError.notSupported(at + ".kind", s.kind() == null ? "" : s.kind(),
                        List.of(Subject.SERVICE_ACCOUNT_KIND, Subject.USER_KIND, Subject.GROUP_KIND)));
            }
        }
        return errors;
    }

    /** Subjects with their kind's API group filled in: none for ServiceAccounts, RBAC's for users and groups. */
    static List<Subject> defaultSubjects(List<Subject> subjects) {
        return subjects.stream().map(s -> s.apiGroup() != null && !s.apiGroup().isEmpty() ? s
                : new Subject(s.kind(), Subject.USER_KIND.equals(s.kind()) || Subject.GROUP_KIND.equals(s.kind())
                        ? RbacV1.GROUP : s.apiGroup(), s.name(), s.namespace())).toList();
    }

    /** The roleRef with the RBAC group filled in. */
    static RoleRef defaultRoleRef(RoleRef ref) {
        if (ref == null || (ref.apiGroup() != null && !ref.apiGroup().isEmpty())) {
            return ref;
        }
        return new RoleRef(RbacV1.GROUP, ref.kind(), ref.name());
    }
}
