package kubelab.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("the cluster CA and the API server serving certificate, kept as PEM files")
class PkiTest {
    private static final int IP = 7;
    private static final int DNS = 2;

    @TempDir
    Path dir;

    @Test
    @DisplayName("the serving certificate is signed by the CA and names 127.0.0.1 and localhost")
    void servingCertificate() throws Exception {
        Pki pki = Pki.loadOrCreate(dir, List.of("10.0.0.5", "lab.example.com"));
        X509Certificate ca = pki.caCertificate();
        X509Certificate serving = pki.servingCertificate();

        serving.verify(ca.getPublicKey());
        ca.verify(ca.getPublicKey());
        assertThat(ca.getBasicConstraints()).as("the CA may sign").isGreaterThanOrEqualTo(0);
        assertThat(ca.getKeyUsage()[5]).as("keyCertSign").isTrue();
        assertThat(serving.getBasicConstraints()).as("the serving certificate may not").isEqualTo(-1);
        assertThat(serving.getSubjectX500Principal().getName()).isEqualTo("CN=kube-apiserver");
        assertThat(serving.getIssuerX500Principal()).isEqualTo(ca.getSubjectX500Principal());
        assertThat(serving.getExtendedKeyUsage()).containsExactly("1.3.6.1.5.5.7.3.1"); // serverAuth
        assertThat(serving.getPublicKey().getAlgorithm()).isEqualTo("EC");
        assertThat(serving.getSubjectAlternativeNames()).containsExactlyInAnyOrder(
                List.of(IP, "127.0.0.1"), List.of(IP, "0:0:0:0:0:0:0:1"), List.of(DNS, "localhost"),
                List.of(DNS, "kubernetes"), List.of(DNS, "kubernetes.default"), List.of(DNS, "kubernetes.default.svc"),
                List.of(IP, "10.0.0.5"), List.of(DNS, "lab.example.com"));
        assertThat(Duration.between(serving.getNotBefore().toInstant(), serving.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(365).plusMinutes(5));
        assertThat(Duration.between(ca.getNotBefore().toInstant(), ca.getNotAfter().toInstant()))
                .isEqualTo(Duration.ofDays(3650).plusMinutes(5));
        assertThat(pki.caPem()).startsWith("-----BEGIN CERTIFICATE-----").isEqualTo(Files.readString(dir.resolve("ca.crt")));
    }

    @Test
    @DisplayName("a second start reuses the same CA and serving certificate")
    void reuse() throws Exception {
        Pki first = Pki.loadOrCreate(dir, List.of());
        Pki second = Pki.loadOrCreate(dir, List.of());
        assertThat(second.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(second.servingCertificate()).isEqualTo(first.servingCertificate());
    }

    @Test
    @DisplayName("a serving certificate that lacks a new name, or has expired, is remade under the same CA")
    void remadeWhenStale() throws Exception {
        Instant start = Instant.parse("2026-01-01T00:00:00Z");
        Pki first = Pki.loadOrCreate(dir, List.of(), () -> start);

        Pki renamed = Pki.loadOrCreate(dir, List.of("192.168.1.20"), () -> start);
        assertThat(renamed.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(renamed.servingCertificate()).isNotEqualTo(first.servingCertificate());
        assertThat(renamed.servingCertificate().getSubjectAlternativeNames()).contains(List.of(IP, "192.168.1.20"));

        Instant nextYear = start.plus(Duration.ofDays(400));
        Pki renewed = Pki.loadOrCreate(dir, List.of(), () -> nextYear);
        assertThat(renewed.caCertificate()).isEqualTo(first.caCertificate());
        assertThat(renewed.servingCertificate().getNotAfter().toInstant()).isAfter(nextYear);
        renewed.servingCertificate().verify(first.caCertificate().getPublicKey());
    }

    @Test
    @DisplayName("a CA certificate without its key is refused rather than silently replaced")
    void loneCaHalf() throws Exception {
        Pki.loadOrCreate(dir, List.of());
        Files.delete(dir.resolve("ca.key"));
        assertThatThrownBy(() -> Pki.loadOrCreate(dir, List.of()))
                .isInstanceOf(IOException.class).hasMessageContaining("found only one of");
    }

    @Test
    @DisplayName("private keys are readable by the owner only")
    void keyPermissions() throws Exception {
        Assumptions.assumeTrue(Files.getFileAttributeView(dir, PosixFileAttributeView.class) != null, "POSIX file system");
        Pki.loadOrCreate(dir, List.of());
        Credentials.loadOrCreate(dir);
        for (String secret : List.of("ca.key", "apiserver.key", "tokens.csv")) {
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve(secret))))
                    .as(secret).isEqualTo("rw-------");
        }
        assertThat(Files.readString(dir.resolve("ca.key"))).startsWith("-----BEGIN EC PRIVATE KEY-----");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(dir.resolve("ca.crt"))))
                .isEqualTo("rw-r--r--");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString()))
                    .containsExactlyInAnyOrder("ca.crt", "ca.key", "apiserver.crt", "apiserver.key", "tokens.csv");
        }
    }
}
