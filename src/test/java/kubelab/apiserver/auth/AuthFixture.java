package kubelab.apiserver.auth;

import java.time.Duration;
import java.util.List;
import kubelab.api.Scheme;
import kubelab.api.core.Container;
import kubelab.api.core.Pod;
import kubelab.api.core.PodSpec;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.RoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.UserInfo;
import kubelab.client.InformerFactory;
import kubelab.store.MemoryStore;
import kubelab.time.SimulatedLoop;

/**
 * A fresh API server with the bootstrap RBAC policy, an RBAC authorizer over informers, an audit
 * log, and a handler chain whose token file knows jane (group dev), bob, and an admin in
 * system:masters.
 */
final class AuthFixture {
    static final String TOKENS = """
            jane-token,jane,1001,"dev"
            bob-token,bob,1002
            admin-token,admin,1000,"system:masters"
            """;
    static final byte[] SA_KEY = "kubelab-service-account-key-0001".getBytes(java.nio.charset.StandardCharsets.UTF_8);

    final SimulatedLoop loop = new SimulatedLoop(7);
    final MemoryStore store = new MemoryStore();
    final ApiServer server = new ApiServer(store, Scheme.standard(), loop);
    final InformerFactory informers = new InformerFactory(server, loop, Duration.ZERO);
    final RbacAuthorizer rbac = RbacAuthorizer.fromInformers(informers);
    final ServiceAccountTokens serviceAccounts = new ServiceAccountTokens(SA_KEY);
    final AuditLog audit = new AuditLog(loop.clock(), 100);
    final HandlerChain chain;

    AuthFixture() {
        this(false);
    }

    AuthFixture(boolean anonymous) {
        BootstrapPolicy.ensure(server);
        Authenticator tokens = Authenticator.union(TokenAuthenticator.parse("tokens.csv", TOKENS), serviceAccounts);
        chain = new HandlerChain(server, new RequestAuthentication(tokens, anonymous), rbac, audit);
        informers.start();
        informers.waitForCacheSync(Duration.ofSeconds(10));
        loop.settle();
    }

    static UserInfo user(String name, String... groups) {
        List<String> all = new java.util.ArrayList<>(List.of(groups));
        all.add(RequestAuthentication.ALL_AUTHENTICATED);
        return new UserInfo(name, all);
    }

    Api as(String token) {
        return chain.forToken(token);
    }

    /** Binds a ClusterRole to a user in one namespace, and lets the informers see it. */
    void bindInNamespace(String namespace, String bindingName, String clusterRole, Subject subject) {
        server.create(RoleBinding.of(namespace, bindingName, RoleRef.clusterRole(clusterRole), List.of(subject)));
        loop.settle();
    }

    void bindClusterWide(String bindingName, String clusterRole, Subject subject) {
        server.create(ClusterRoleBinding.of(bindingName, RoleRef.clusterRole(clusterRole), List.of(subject)));
        loop.settle();
    }

    void namespace(String name) {
        server.create(kubelab.api.core.Namespace.named(name));
    }

    static Pod pod(String namespace, String name) {
        return Pod.of(namespace, name, PodSpec.of(Container.of("app", "nginx:1.14.2")));
    }
}
