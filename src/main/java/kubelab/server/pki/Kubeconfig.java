package kubelab.server.pki;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import kubelab.api.serialization.Json;

/**
 * A kubeconfig file for the server: one cluster, two users (the admin and the viewer, each with
 * its bearer token), two contexts, the admin's current. {@code kubectl --kubeconfig FILE} and
 * client libraries read it unchanged.
 *
 * <p>Real Kubernetes: the {@code Config} of {@code k8s.io/client-go/tools/clientcmd/api/v1};
 * kubeadm writes {@code /etc/kubernetes/admin.conf} in {@code cmd/kubeadm/app/phases/kubeconfig}.
 */
public final class Kubeconfig {
    public static final String CLUSTER = "kubelab";
    public static final String ADMIN_CONTEXT = "kubelab";
    public static final String VIEWER_CONTEXT = "kubelab-viewer";
    public static final String NAMESPACE = "default";

    private Kubeconfig() {
    }

    /**
     * The kubeconfig as YAML: cluster {@value #CLUSTER} at {@code serverUrl} trusting {@code caPem}
     * (inlined as base64 {@code certificate-authority-data}, so the file stands alone), users
     * {@value Credentials#ADMIN_USER} and {@value Credentials#VIEWER_USER}, contexts
     * {@value #ADMIN_CONTEXT} (current) and {@value #VIEWER_CONTEXT}.
     */
    public static String render(String serverUrl, String caPem, Credentials credentials) {
        String caData = Base64.getEncoder().encodeToString(caPem.getBytes(StandardCharsets.US_ASCII));
        Config config = new Config("v1", "Config",
                List.of(new NamedCluster(CLUSTER, new Cluster(serverUrl, caData))),
                List.of(new NamedAuthInfo(Credentials.ADMIN_USER, new AuthInfo(credentials.adminToken())),
                        new NamedAuthInfo(Credentials.VIEWER_USER, new AuthInfo(credentials.viewerToken()))),
                List.of(new NamedContext(ADMIN_CONTEXT, new Context(CLUSTER, Credentials.ADMIN_USER, NAMESPACE)),
                        new NamedContext(VIEWER_CONTEXT, new Context(CLUSTER, Credentials.VIEWER_USER, NAMESPACE))),
                ADMIN_CONTEXT);
        return Json.toYaml(config);
    }

    // The file's shape, with clientcmd's type names; only the fields written here.

    @JsonPropertyOrder({"apiVersion", "kind", "clusters", "users", "contexts", "current-context"})
    record Config(String apiVersion, String kind, List<NamedCluster> clusters, List<NamedAuthInfo> users,
                  List<NamedContext> contexts, @JsonProperty("current-context") String currentContext) {
    }

    @JsonPropertyOrder({"name", "cluster"})
    record NamedCluster(String name, Cluster cluster) {
    }

    @JsonPropertyOrder({"server", "certificate-authority-data"})
    record Cluster(String server, @JsonProperty("certificate-authority-data") String certificateAuthorityData) {
    }

    @JsonPropertyOrder({"name", "user"})
    record NamedAuthInfo(String name, AuthInfo user) {
    }

    record AuthInfo(String token) {
    }

    @JsonPropertyOrder({"name", "context"})
    record NamedContext(String name, Context context) {
    }

    @JsonPropertyOrder({"cluster", "user", "namespace"})
    record Context(String cluster, String user, String namespace) {
    }
}
