/**
 * The {@code rbac.authorization.k8s.io/v1} objects: Role and ClusterRole hold {@link kubelab.api.rbac.PolicyRule}s,
 * RoleBinding and ClusterRoleBinding grant them to {@link kubelab.api.rbac.Subject}s.
 *
 * <p>The API server's RBAC authorizer reads these through an informer; nothing else interprets
 * them. They are plain immutable records that read and write the real JSON, so a manifest from
 * the Kubernetes documentation applies unchanged.
 */
package kubelab.api.rbac;
