package kubelab.cluster;

import java.time.Duration;
import java.util.List;
import kubelab.api.core.Service;
import kubelab.api.core.ServicePort;
import kubelab.api.core.ServiceSpec;
import kubelab.api.meta.IntOrString;
import kubelab.api.meta.ObjectMeta;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.ApiServer;
import kubelab.apiserver.auth.AuditLog;
import kubelab.apiserver.auth.Authenticator;
import kubelab.apiserver.auth.BootstrapPolicy;
import kubelab.apiserver.auth.HandlerChain;
import kubelab.apiserver.auth.RbacAuthorizer;
import kubelab.apiserver.auth.RequestAuthentication;
import kubelab.apiserver.auth.TokenAuthenticator;
import kubelab.client.InformerFactory;
import kubelab.time.SimulatedLoop;

/**
 * What a cluster's API server sets up beside its store when it starts: the {@code kubernetes}
 * Service, the bootstrap RBAC policy, and the handler chain that authenticates, authorizes and
 * audits every caller outside the control plane.
 *
 * <p>Real Kubernetes: kube-apiserver's post-start hooks ({@code rbac/bootstrap-roles}) and its
 * {@code kubernetesservice} controller, and {@code DefaultBuildHandlerChain}.
 */
final class ApiServerBootstrap {
    private ApiServerBootstrap() {
    }

    /**
     * The Service through which pods reach the API server: {@code default/kubernetes}, port 443 to
     * the API server's 6443, on the first address of the service CIDR ({@code 10.96.0.1}), which
     * dynamic allocation never hands out first.
     *
     * <p>Real Kubernetes: kube-apiserver's own controller in
     * {@code pkg/controlplane/controller/kubernetesservice}, which also keeps its endpoints.
     */
    static void createKubernetesService(ApiServer api) {
        var port = new ServicePort("https", "TCP", null, 443, IntOrString.of(6443), null);
        var spec = new ServiceSpec(List.of(port), null, Cluster.KUBERNETES_SERVICE_IP, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null, null);
        var meta = ObjectMeta.of("default", "kubernetes").withLabel("component", "apiserver")
                .withLabel("provider", "kubernetes");
        try {
            api.create(Service.of("default", "kubernetes", spec).withMetadata(meta));
        } catch (ApiException e) {
            if (e.code() != 409) { // 409: a store reopened, or shared with another API server, has it already
                throw e;
            }
        }
    }

    /**
     * The front of the API server's request path, for callers other than the control plane:
     * bearer tokens from {@code tokens} (kube-apiserver's {@code --token-auth-file} format), RBAC
     * over the bootstrap roles and whatever Roles and bindings are created, and an audit log of
     * the last 1,000 requests. The control plane's own components call the server directly, as
     * they do over kube-apiserver's loopback connection as {@code system:masters}.
     */
    static HandlerChain handlerChain(ApiServer api, SimulatedLoop loop, String tokens, Authenticator added,
                                     boolean anonymous) {
        InformerFactory rbacInformers = new InformerFactory(api, loop, Duration.ZERO);
        RbacAuthorizer rbac = RbacAuthorizer.fromInformers(rbacInformers);
        BootstrapPolicy.ensure(api);
        rbacInformers.start();
        var authentication = new RequestAuthentication(
                Authenticator.union(TokenAuthenticator.parse("tokens.csv", tokens), added), anonymous);
        return new HandlerChain(api, authentication, rbac, new AuditLog(loop.clock(), 1_000));
    }
}
