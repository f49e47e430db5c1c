package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kubelab.server.pki.Credentials;
import kubelab.server.pki.Pki;

/** A {@code kubelab serve} child process, started with the test class path, and an admin client for it. */
record ServeProcess(Process process, String url, HttpClient client, String token) implements AutoCloseable {

    /** Starts {@code kubelab serve --data-dir dir --port 0 <more>} and waits until it says it listens. */
    static ServeProcess start(Path dir, String... more) throws Exception {
        String classpath = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        Path java = Path.of(System.getProperty("java.home"), "bin", "java");
        List<String> command = new ArrayList<>(List.of(java.toString(), "-cp", classpath, "kubelab.cli.Main", "serve",
                "--data-dir", dir.toString(), "--port", "0"));
        command.addAll(List.of(more));
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> printed = new ArrayList<>();
        BufferedReader out = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
        for (String line = out.readLine(); line != null && !line.contains("stop with Ctrl-C"); line = out.readLine()) {
            printed.add(line);
        }
        Thread drain = new Thread(() -> out.lines().forEach(l -> { }), "serve-output");
        drain.setDaemon(true);
        drain.start();
        Matcher url = Pattern.compile("listens on (https://127\\.0\\.0\\.1:\\d+)").matcher(String.join("\n", printed));
        assertThat(url.find()).as("serve printed %s", printed).isTrue();
        HttpClient client = HttpClient.newBuilder().sslContext(Pki.loadOrCreate(dir, List.of()).clientContext())
                .connectTimeout(Duration.ofSeconds(10)).build();
        return new ServeProcess(p, url.group(1), client, Credentials.loadOrCreate(dir).adminToken());
    }

    HttpResponse<String> post(String path, String json) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(json)));
    }

    HttpResponse<String> patch(String path, String mergePatch) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)).header("Content-Type", "application/merge-patch+json")
                .method("PATCH", HttpRequest.BodyPublishers.ofString(mergePatch)));
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(url + path)));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return client.send(request.header("Authorization", "Bearer " + token).build(), HttpResponse.BodyHandlers.ofString());
    }

    /** SIGTERM, as Ctrl-C: the server stops cleanly (and gives up its Leases). */
    @Override
    public void close() throws InterruptedException {
        process.destroy();
        if (!process.waitFor(20, TimeUnit.SECONDS)) {
            process.destroyForcibly();
        }
    }
}
