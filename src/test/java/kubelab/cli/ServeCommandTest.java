package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kubelab.server.pki.Credentials;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@Tag("chapter1")
@DisplayName("kubelab serve")
class ServeCommandTest {

    @Test
    @DisplayName("starts an HTTPS API server, writes a kubeconfig, answers with the CA it made, and stops on SIGTERM")
    void servesAndStops(@TempDir Path dir) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        Process p = new ProcessBuilder(java.toString(), "-cp", classpath, "kubelab.cli.Main", "serve",
                "--data-dir", dir.toString(), "--port", "0", "--nodes", "1")
                .redirectErrorStream(true).start();
        try {
            List<String> printed = new ArrayList<>();
            BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
            for (String line = out.readLine(); line != null && !line.contains("stop with Ctrl-C"); line = out.readLine()) {
                printed.add(line);
            }
            Matcher url = Pattern.compile("listens on (https://127\\.0\\.0\\.1:\\d+)").matcher(String.join("\n", printed));
            assertThat(url.find()).as("%s", printed).isTrue();
            assertThat(Files.readString(dir.resolve("kubeconfig"))).contains("server: " + url.group(1))
                    .contains("certificate-authority-data:").contains("name: kubelab-viewer");

            HttpClient client = HttpClient.newBuilder().sslContext(kubelab.server.pki.Pki.loadOrCreate(dir, List.of()).clientContext())
                    .connectTimeout(Duration.ofSeconds(10)).build();
            String admin = Credentials.loadOrCreate(dir).adminToken();
            HttpResponse<String> nodes = client.send(HttpRequest.newBuilder(URI.create(url.group(1) + "/api/v1/nodes"))
                    .header("Authorization", "Bearer " + admin).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(nodes.statusCode()).isEqualTo(200);
            assertThat(nodes.body()).contains("\"name\":\"node-1\"");

            p.destroy();   // SIGTERM
            assertThat(p.waitFor(20, TimeUnit.SECONDS)).as("stopped within 20 s of SIGTERM").isTrue();
            assertThat(p.exitValue()).isEqualTo(143);   // 128 + SIGTERM, after the shutdown hook ran
        } finally {
            p.destroyForcibly();
        }
    }
}
