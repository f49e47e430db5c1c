/**
 * The front of the API server's request path: who is asking (authentication), may they
 * (authorization, by RBAC), and what happened (audit). {@link kubelab.apiserver.auth.HandlerChain}
 * puts them in front of an {@link kubelab.apiserver.Api}: {@code chain.forToken(token)} or
 * {@code chain.forUser(user)} hands a caller an {@code Api} whose every call is authenticated,
 * authorized and audited before the server's admission, validation and storage see it.
 *
 * <p>Authentication: {@link kubelab.apiserver.auth.TokenAuthenticator} (kube-apiserver's static
 * token file) and {@link kubelab.apiserver.auth.ServiceAccountTokens}, joined by
 * {@link kubelab.apiserver.auth.RequestAuthentication} (anonymous access, the 401).
 * Authorization: {@link kubelab.apiserver.auth.RbacAuthorizer} over informers of the four RBAC
 * kinds, with {@link kubelab.apiserver.auth.BootstrapPolicy}'s default roles and
 * {@link kubelab.apiserver.auth.Forbidden}'s 403. Audit: {@link kubelab.apiserver.auth.AuditLog}.
 *
 * <p>The in-process components (controllers, scheduler, kubelet) keep calling the
 * {@link kubelab.apiserver.ApiServer} directly, as Kubernetes' own loopback client is
 * {@code system:masters}; this package guards the doors other callers come through. It is shaped
 * as interfaces plus small pure functions ({@link kubelab.apiserver.auth.RuleEvaluation}) so that
 * the HTTP server reuses the same classes and a test can check one rule without a cluster.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/authentication}, {@code .../authorization},
 * {@code .../endpoints/filters}, {@code .../audit}, and {@code plugin/pkg/auth/authorizer/rbac}.
 */
package kubelab.apiserver.auth;
