package kubelab.runtime.shell;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

@Tag("chapter2")
@DisplayName("the documentation's container commands do what the documentation says")
class DocumentationExamplesTest {

    private final ShellFixture c = new ShellFixture();

    @Test
    @DisplayName("two-container pod: the debian container writes index.html into the shared emptyDir")
    void twoContainerPodWritesSharedFile() {
        MemoryFs emptyDir = new MemoryFs();
        c.fs.mount("/pod-data", emptyDir);
        MemoryFs nginx = new MemoryFs();
        nginx.mount("/usr/share/nginx/html", emptyDir);

        Step step = Shell.start(List.of("/bin/sh", "-c", "echo Hello from the debian container > /pod-data/index.html"),
                c.context(Map.of())).step();

        assertThat(step).isEqualTo(new Step.Exited(0));
        assertThat(nginx.read("/usr/share/nginx/html/index.html")).isEqualTo("Hello from the debian container\n");
    }

    @Test
    @DisplayName("init container example: prints that the app is running, then sleeps an hour")
    void initContainerPrintsThenSleeps() {
        ShellProcess p = Shell.start(List.of("sh", "-c", "echo 'The app is running!' && sleep 3600"),
                c.context(Map.of()));

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofHours(1)));
        assertThat(c.out()).isEqualTo("The app is running!\n");
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
    }

    @Test
    @DisplayName("liveness probe example: /tmp/healthy exists for 30 s, then is gone for 600 s")
    void livenessProbeFileComesAndGoes() {
        ShellProcess p = Shell.start(List.of("/bin/sh", "-c", "touch /tmp/healthy; sleep 30; rm -f /tmp/healthy; sleep 600"),
                c.context(Map.of()));

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(30)));
        assertThat(c.fs.exists("/tmp/healthy")).isTrue();
        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(600)));
        assertThat(c.fs.exists("/tmp/healthy")).isFalse();
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
    }

    @Test
    @DisplayName("an exec probe's `cat /tmp/healthy` fails with busybox's message once the file is gone")
    void execProbeCat() {
        Step step = Shell.start(List.of("cat", "/tmp/healthy"), c.context(Map.of())).step();

        assertThat(step).isEqualTo(new Step.Exited(1));
        assertThat(c.err()).isEqualTo("cat: can't open '/tmp/healthy': No such file or directory\n");
    }

    @Test
    @DisplayName("a command without a shell runs as is: [sleep, 3600] sleeps an hour")
    void commandWithoutShell() {
        ShellProcess p = Shell.start(List.of("sleep", "3600"), c.context(Map.of()));

        assertThat(p.step()).isEqualTo(new Step.Sleeping(Duration.ofSeconds(3600)));
        assertThat(p.step()).isEqualTo(new Step.Exited(0));
    }

    @Test
    @DisplayName("configmap example: env prints the variables from the ConfigMap, one NAME=value a line")
    void envPrintsConfigMapKeys() {
        Map<String, String> env = new LinkedHashMap<>();
        env.put("SPECIAL_LEVEL_KEY", "very");
        env.put("SPECIAL_TYPE_KEY", "charm");

        Shell.start(List.of("/bin/sh", "-c", "env"), c.context(env)).step();

        assertThat(c.out().lines()).contains("SPECIAL_LEVEL_KEY=very", "SPECIAL_TYPE_KEY=charm");
    }

    @Test
    @DisplayName("configmap volume example: ls /etc/config/ lists the keys, sorted, one per line")
    void lsListsConfigMapKeys() {
        MemoryFs volume = new MemoryFs();
        volume.write("/special.type", "charm");
        volume.write("/special.level", "very");
        c.fs.mount("/etc/config", volume);

        Shell.start(List.of("/bin/sh", "-c", "ls /etc/config/"), c.context(Map.of())).step();

        assertThat(c.out()).isEqualTo("special.level\nspecial.type\n");
    }

    @Test
    @DisplayName("init container's wget http://info.cern.ch fails with busybox's 'bad address' while there is no network")
    void wgetWithoutNetwork() {
        c.fs.mkdir("/work-dir", false);

        Step step = Shell.start(List.of("wget", "-O", "/work-dir/index.html", "http://info.cern.ch"),
                c.context(Map.of())).step();

        assertThat(step).isEqualTo(new Step.Exited(1));
        assertThat(c.err()).isEqualTo("wget: bad address 'info.cern.ch'\n");
        assertThat(c.fs.exists("/work-dir/index.html")).isFalse();
    }

    @Test
    @DisplayName("wget saves what the network returns, once a network is plugged in")
    void wgetWithNetwork() {
        ShellNetwork web = new ShellNetwork() {
            @Override
            public HttpResponse get(String url) {
                return new HttpResponse("10.0.0.7:80", 200, "OK", "<html>first page</html>\n");
            }

            @Override
            public Lookup lookup(String name) {
                return new Lookup("10.96.0.10", name, List.of("10.0.0.7"));
            }
        };
        c.fs.mkdir("/work-dir", false);

        Step step = Shell.start(List.of("wget", "-O", "/work-dir/index.html", "http://info.cern.ch"),
                c.context(Map.of()).withNetwork(web)).step();

        assertThat(step).isEqualTo(new Step.Exited(0));
        assertThat(c.fs.read("/work-dir/index.html")).isEqualTo("<html>first page</html>\n");
    }

    @Test
    @DisplayName("nslookup fails clearly while there is no cluster DNS")
    void nslookupWithoutDns() {
        Step step = c.run("nslookup kubernetes.default");

        assertThat(step).isEqualTo(new Step.Exited(1));
        assertThat(c.out()).isEqualTo(";; connection timed out; no servers could be reached\n");
    }

    @Test
    @DisplayName("hostname prints the pod's name and date reads the virtual clock in busybox's format")
    void hostnameAndDate() {
        c.now = ShellFixture.NEW_YEAR;

        c.run("hostname; date");

        assertThat(c.out()).isEqualTo("my-pod\nThu Jan  1 00:00:00 UTC 2026\n");
    }

    @Test
    @DisplayName("init container writes a page into its volume; another copies /etc/machine-id into a log")
    void initContainerWritesPageAndCopiesMachineId() {
        MemoryFs content = new MemoryFs();
        c.fs.mount("/content", content);
        c.fs.mkdir("/etc", false);
        c.fs.write("/etc/machine-id", "0123456789abcdef\n");
        c.fs.mount("/var/log", new MemoryFs());

        Shell.start(List.of("sh", "-c", "echo \"Hello from the init container\" > /content/index.html"),
                c.context(Map.of())).step();
        Shell.start(List.of("sh", "-c", "cat /etc/machine-id > /var/log/machine-id.log"), c.context(Map.of())).step();

        assertThat(content.read("/index.html")).isEqualTo("Hello from the init container\n");
        assertThat(c.fs.read("/var/log/machine-id.log")).isEqualTo("0123456789abcdef\n");
    }
}
