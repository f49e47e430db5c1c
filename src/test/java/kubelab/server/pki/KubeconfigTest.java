package kubelab.server.pki;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Path;
import java.security.cert.CertificateFactory;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("a kubeconfig with one cluster, two users and two contexts")
class KubeconfigTest {
    @TempDir
    Path dir;

    @Test
    @DisplayName("the kubeconfig names the server, the CA and both users")
    void render() throws Exception {
        Pki pki = Pki.loadOrCreate(dir, List.of());
        Credentials credentials = Credentials.loadOrCreate(dir);
        String yaml = Kubeconfig.render("https://127.0.0.1:6443", pki.caPem(), credentials);
        JsonNode config = new YAMLMapper().readTree(yaml);

        assertThat(config.path("apiVersion").asText()).isEqualTo("v1");
        assertThat(config.path("kind").asText()).isEqualTo("Config");
        assertThat(config.path("current-context").asText()).isEqualTo("kubelab");

        JsonNode cluster = single(config.path("clusters"));
        assertThat(cluster.path("name").asText()).isEqualTo("kubelab");
        assertThat(cluster.path("cluster").path("server").asText()).isEqualTo("https://127.0.0.1:6443");
        byte[] caData = Base64.getDecoder().decode(cluster.path("cluster").path("certificate-authority-data").asText());
        assertThat(CertificateFactory.getInstance("X.509").generateCertificate(new ByteArrayInputStream(caData)))
                .isEqualTo(pki.caCertificate());

        JsonNode users = config.path("users");
        assertThat(users).hasSize(2);
        assertThat(users.get(0).path("name").asText()).isEqualTo("kubelab-admin");
        assertThat(users.get(0).path("user").path("token").asText()).isEqualTo(credentials.adminToken());
        assertThat(users.get(1).path("name").asText()).isEqualTo("kubelab-viewer");
        assertThat(users.get(1).path("user").path("token").asText()).isEqualTo(credentials.viewerToken());

        JsonNode contexts = config.path("contexts");
        assertThat(contexts).hasSize(2);
        assertThat(contexts.get(0).path("name").asText()).isEqualTo("kubelab");
        assertThat(contexts.get(0).path("context").path("cluster").asText()).isEqualTo("kubelab");
        assertThat(contexts.get(0).path("context").path("user").asText()).isEqualTo("kubelab-admin");
        assertThat(contexts.get(0).path("context").path("namespace").asText()).isEqualTo("default");
        assertThat(contexts.get(1).path("name").asText()).isEqualTo("kubelab-viewer");
        assertThat(contexts.get(1).path("context").path("user").asText()).isEqualTo("kubelab-viewer");
    }

    @Test
    @DisplayName("a token of digits only stays a string in the YAML")
    void numericToken() throws Exception {
        Path tokens = dir.resolve("tokens.csv");
        java.nio.file.Files.writeString(tokens, "12345678,kubelab-admin,1,\"system:masters\"\n1e5,kubelab-viewer,2\n");
        String yaml = Kubeconfig.render("https://localhost:6443", "PEM", Credentials.loadOrCreate(dir));
        JsonNode config = new YAMLMapper().readTree(yaml);
        assertThat(config.path("users").get(0).path("user").path("token").isTextual()).isTrue();
        assertThat(config.path("users").get(0).path("user").path("token").asText()).isEqualTo("12345678");
        assertThat(config.path("users").get(1).path("user").path("token").isTextual()).isTrue();
    }

    private static JsonNode single(JsonNode array) {
        assertThat(array).hasSize(1);
        return array.get(0);
    }
}
