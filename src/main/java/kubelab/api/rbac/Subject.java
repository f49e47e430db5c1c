package kubelab.api.rbac;

/**
 * Who a binding grants to: a {@code User} or {@code Group} (names the authenticator reports,
 * apiGroup {@code rbac.authorization.k8s.io}), or a {@code ServiceAccount} (core group, with a
 * namespace).
 *
 * <p>Real Kubernetes: {@code rbacv1.Subject}.
 */
public record Subject(String kind, String apiGroup, String name, String namespace) {

    public static final String USER_KIND = "User";
    public static final String GROUP_KIND = "Group";
    public static final String SERVICE_ACCOUNT_KIND = "ServiceAccount";

    public static Subject user(String name) {
        return new Subject(USER_KIND, RbacV1.GROUP, name, null);
    }

    public static Subject group(String name) {
        return new Subject(GROUP_KIND, RbacV1.GROUP, name, null);
    }

    public static Subject serviceAccount(String namespace, String name) {
        return new Subject(SERVICE_ACCOUNT_KIND, null, name, namespace);
    }
}
