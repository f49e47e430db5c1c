package kubelab.apiserver.auth;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.function.Supplier;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.admission.AdmissionPlugin;

/**
 * The front of the API server's request path, in Kubernetes' order: audit (around everything),
 * authentication, authorization, then the server itself (admission, validation, storage). A
 * request the authorizer refuses gets its 403 before the server sees it, so nothing of it is
 * admitted, validated or stored.
 *
 * <p>Hand each caller an {@link Api} of its own: {@link #forUser} for a caller whose identity is
 * already established, {@link #forToken} for one that presents a bearer token on every request
 * (a wrong token is a 401 on every call, and each is audited). The HTTP server authenticates a
 * request's {@code Authorization} header with {@link #authentication()} and serves it through
 * {@link #forUser}; non-resource paths such as {@code /healthz} go through {@link #authorizePath}.
 *
 * <pre>{@code
 * var informers = new InformerFactory(server, loop, Duration.ZERO);
 * var rbac = RbacAuthorizer.fromInformers(informers);
 * BootstrapPolicy.ensure(server);
 * informers.start();
 * var chain = new HandlerChain(server,
 *         new RequestAuthentication(TokenAuthenticator.parse("tokens.csv", csv), false),
 *         rbac, new AuditLog(loop.clock(), 1000));
 * Api jane = chain.forToken("jane-token");   // every call: authn, authz, audit, then the server
 * }</pre>
 *
 * <p>Real Kubernetes: {@code DefaultBuildHandlerChain} in {@code k8s.io/apiserver/pkg/server/config.go},
 * with the filters {@code WithAudit}, {@code WithAuthentication} and {@code WithAuthorization}
 * ({@code k8s.io/apiserver/pkg/endpoints/filters}).
 */
public final class HandlerChain {
    private final Api api;
    private final RequestAuthentication authentication;
    private final Authorizer authorizer;
    private final AuditLog audit;

    /**
     * @param api            the server behind the chain (its own calls are unchecked: it is the loopback)
     * @param authentication for {@link #forToken}; may be null if only {@link #forUser} is used
     * @param audit          where requests are recorded; null for no audit
     */
    public HandlerChain(Api api, RequestAuthentication authentication, Authorizer authorizer, AuditLog audit) {
        this.api = api;
        this.authentication = authentication;
        this.authorizer = authorizer;
        this.audit = audit;
    }

    public Api api() {
        return api;
    }

    public RequestAuthentication authentication() {
        return authentication;
    }

    public Authorizer authorizer() {
        return authorizer;
    }

    public AuditLog audit() {
        return audit;
    }

    /** The API as {@code user} sees it: every call authorized and audited. */
    public Api forUser(UserInfo user) {
        return new SecureApi(this, () -> user);
    }

    /** The API for a client that sends {@code bearerToken} (null: none) with every request. */
    public Api forToken(String bearerToken) {
        if (authentication == null) {
            throw new IllegalStateException("this chain has no authenticator");
        }
        return new SecureApi(this, () -> authentication.authenticate(bearerToken));
    }

    /**
     * Authorizes a non-resource request such as {@code get /healthz} and audits it.
     *
     * @throws ApiException 403 Forbidden
     */
    public void authorizePath(UserInfo user, String verb, String path) {
        AuthorizationAttributes attrs = AuthorizationAttributes.nonResource(user, verb, path);
        serve(() -> user, u -> attrs, null, 200, () -> null);
    }

    /**
     * A request that failed before reaching the API: its body could not be read. It is authorized
     * first all the same, as kube-apiserver's filters authorize before its handlers read a body,
     * so a caller who may not make the request learns only that (403), not what was wrong with
     * what it sent. Records the outcome, and returns the error to answer with.
     */
    public ApiException refused(UserInfo user, AuthorizationAttributes attrs, ApiException failure) {
        try {
            serve(() -> user, u -> attrs, null, 200, () -> {
                throw failure;
            });
        } catch (ApiException e) {
            return e;
        }
        throw new IllegalStateException("a refused request succeeded");
    }

    /**
     * A request whose credentials did not authenticate (401), recorded as kube-apiserver's
     * failed-authentication audit records it: no user, the request's attributes, the 401.
     */
    public void authenticationFailed(AuthorizationAttributes attrs, ApiException failure) {
        record(audit == null ? null : audit.clock().now(), attrs, null, null, null, failure);
    }

    /**
     * Serves one request: 1. authenticate, 2. describe it as authorization attributes and
     * authorize, 3. run {@code action} (the server's admission, validation and storage), then
     * 4. record the outcome, whichever step ended it.
     *
     * @param objectName the name the audit log shows (the object's, for a create); null: the request's
     * @param success    the HTTP code of success: 201 for create, 200 otherwise
     */
    <R> R serve(Supplier<UserInfo> who, Function<UserInfo, AuthorizationAttributes> describe,
                String objectName, int success, Supplier<R> action) {
        // tag::handler-chain[]
        Instant received = audit == null ? null : audit.clock().now();
        UserInfo user;
        try {
            user = who.get();
        } catch (ApiException e) {
            record(received, describe.apply(null), objectName, null, null, e);
            throw e;
        }
        AuthorizationAttributes attrs = describe.apply(user);
        Decision decision = authorizer.authorize(attrs);
        if (!decision.allowed()) {
            ApiException forbidden = Forbidden.of(attrs, decision.reason());
            record(received, attrs, objectName, user, decision, forbidden);
            throw forbidden;
        }
        R result;
        try {
            result = action.get();
        } catch (ApiException e) {
            record(received, attrs, objectName, user, decision, e);
            throw e;
        }
        record(received, attrs, objectName, user, decision, new AuditEvent.ResponseStatus(success, null, null, null));
        return result;
        // end::handler-chain[]
    }

    private void record(Instant received, AuthorizationAttributes attrs, String objectName, UserInfo user,
                        Decision decision, ApiException failure) {
        record(received, attrs, objectName, user, decision, new AuditEvent.ResponseStatus(failure.code(),
                failure.status().status(), failure.reason(), failure.getMessage()));
    }

    private void record(Instant received, AuthorizationAttributes attrs, String objectName, UserInfo user,
                        Decision decision, AuditEvent.ResponseStatus status) {
        if (audit == null) {
            return;
        }
        Map<String, String> annotations = new LinkedHashMap<>();
        if (decision != null) {
            annotations.put(AuditEvent.DECISION_ANNOTATION, decision.auditValue());
            annotations.put(AuditEvent.REASON_ANNOTATION, decision.reason());
        }
        AuditEvent.ObjectRef ref = null;
        if (attrs.resourceRequest()) {
            String name = objectName != null && !objectName.isEmpty() ? objectName : attrs.name();
            ref = new AuditEvent.ObjectRef(attrs.resource(), emptyToNull(attrs.namespace()), emptyToNull(name),
                    emptyToNull(attrs.apiGroup()), attrs.apiVersion(), emptyToNull(attrs.subresource()));
        }
        audit.add(new AuditEvent(null, null, null, audit.nextAuditID(), AuditEvent.RESPONSE_COMPLETE,
                attrs.requestPath(), attrs.verb(), user, ref, status, received, audit.clock().now(), annotations));
    }

    private static String emptyToNull(String s) {
        return s == null || s.isEmpty() ? null : s;
    }

    /** The names of the server's admission plug-ins, in order (empty if the server is not an {@link ApiServer}). */
    public List<String> admissionPlugins() {
        return api instanceof ApiServer server
                ? server.admission().plugins().stream().map(AdmissionPlugin::name).toList() : List.of();
    }

    /** One recorded request, stage by stage, with this server's admission chain. */
    public String trace(AuditEvent event) {
        return AuditLog.trace(event, admissionPlugins());
    }
}
