package kubelab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** How command arguments become the files read, and how those files are named in messages. */
@Tag("chapter1")
class ManifestSourcesTest {

    @TempDir
    Path dir;

    @Test
    @DisplayName("a file below the current directory is named relative to it, one elsewhere as given")
    void displayNames() {
        ManifestSources sources = new ManifestSources(dir.resolve("work"), InputStream.nullInputStream());

        assertThat(sources.displayName(dir.resolve("work/pods/simple-pod.yaml"))).isEqualTo("pods/simple-pod.yaml");
        assertThat(sources.displayName(dir.resolve("work/./pods/../pods/x.yaml"))).isEqualTo("pods/x.yaml");
        assertThat(sources.displayName(dir.resolve("elsewhere/x.yaml"))).isEqualTo(dir.resolve("elsewhere/x.yaml").toString());
        assertThat(sources.displayName(Path.of("../shared/x.yaml"))).isEqualTo("../shared/x.yaml");
    }

    @Test
    @DisplayName("a directory's files are named relative to the current directory when below it")
    void namesInsideADirectory() throws IOException {
        Files.createDirectories(dir.resolve("pods/config"));
        Files.writeString(dir.resolve("pods/config/redis.yaml"), "kind: Pod\n");
        Files.writeString(dir.resolve("pods/simple.yaml"), "kind: Pod\n");
        ManifestSources sources = new ManifestSources(dir, InputStream.nullInputStream());

        assertThat(sources.expand(dir.resolve("pods").toString()))
                .extracting(ManifestSources.Source::name)
                .containsExactly("pods/config/redis.yaml", "pods/simple.yaml");
    }

    @Test
    @DisplayName("bytes that are not UTF-8 are reported, not read as garbage")
    void notUtf8() throws IOException {
        Path file = Files.write(dir.resolve("binary.yaml"), new byte[] {(byte) 0xC3, (byte) 0x28, 0x0A});
        ManifestSources sources = new ManifestSources(dir, InputStream.nullInputStream());

        assertThat(sources.expand(file.toString())).singleElement()
                .satisfies(s -> assertThat(s.error()).isEqualTo("binary.yaml: not UTF-8 text; manifests are YAML or JSON in UTF-8"));
    }
}
