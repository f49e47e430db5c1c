package kubelab.server.pki;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocket;
import javax.net.ssl.SSLSocket;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@DisplayName("TLS with the serving certificate, trusted through the CA")
class TlsHandshakeTest {
    private static final char[] PASSWORD = "changeit".toCharArray();
    private final ExecutorService acceptor = Executors.newSingleThreadExecutor();

    @TempDir
    Path dir;

    @AfterEach
    void stop() {
        acceptor.shutdownNow();
    }

    @Test
    @DisplayName("an SSLContext built from the key store completes a TLS handshake with a client trusting only the CA")
    void handshake() throws Exception {
        Pki pki = Pki.loadOrCreate(dir, List.of());
        try (SSLServerSocket server = listen(pki)) {
            CompletableFuture<Integer> served = serveOneByte(server);
            try (SSLSocket client = connect(pki.clientContext(), server.getLocalPort())) {
                client.startHandshake();
                assertThat(client.getSession().getPeerCertificates())
                        .containsExactly(pki.servingCertificate(), pki.caCertificate());
                OutputStream out = client.getOutputStream();
                out.write(42);
                out.flush();
                assertThat(client.getInputStream().read()).isEqualTo(43);
            }
            assertThat(served.get()).isEqualTo(42);
        }
    }

    @Test
    @DisplayName("a client trusting another cluster's CA refuses the handshake")
    void otherCa(@TempDir Path otherDir) throws Exception {
        Pki pki = Pki.loadOrCreate(dir, List.of());
        Pki other = Pki.loadOrCreate(otherDir, List.of());
        try (SSLServerSocket server = listen(pki)) {
            serveOneByte(server);
            try (SSLSocket client = connect(other.clientContext(), server.getLocalPort())) {
                assertThatThrownBy(client::startHandshake).isInstanceOf(SSLHandshakeException.class);
            }
        }
    }

    private static SSLServerSocket listen(Pki pki) throws Exception {
        KeyManagerFactory keys = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        keys.init(pki.serverKeyStore(PASSWORD), PASSWORD);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(keys.getKeyManagers(), null, null);
        SSLServerSocket server = (SSLServerSocket) context.getServerSocketFactory()
                .createServerSocket(0, 1, InetAddress.getByName("127.0.0.1"));
        server.setSoTimeout(30_000); // a safety net so a broken test fails instead of hanging
        return server;
    }

    /** Accepts one connection, reads a byte and answers it plus one; completes with the byte read. */
    private CompletableFuture<Integer> serveOneByte(SSLServerSocket server) {
        return CompletableFuture.supplyAsync(() -> {
            try (SSLSocket socket = (SSLSocket) server.accept()) {
                socket.setSoTimeout(30_000);
                InputStream in = socket.getInputStream();
                int b = in.read();
                socket.getOutputStream().write(b + 1);
                socket.getOutputStream().flush();
                return b;
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        }, acceptor);
    }

    /** A client that also checks the host name, as HTTPS clients do, against the certificate's IP SAN. */
    private static SSLSocket connect(SSLContext context, int port) throws Exception {
        SSLSocket socket = (SSLSocket) context.getSocketFactory().createSocket("127.0.0.1", port);
        socket.setSoTimeout(30_000);
        SSLParameters parameters = socket.getSSLParameters();
        parameters.setEndpointIdentificationAlgorithm("HTTPS");
        socket.setSSLParameters(parameters);
        return socket;
    }
}
