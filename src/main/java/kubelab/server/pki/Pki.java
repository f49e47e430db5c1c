package kubelab.server.pki;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateExpiredException;
import java.security.cert.CertificateNotYetValidException;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import kubelab.time.Clock;

/**
 * The cluster's CA and the API server's serving certificate, kept in a data directory as
 * {@code ca.crt}, {@code ca.key}, {@code apiserver.crt} and {@code apiserver.key}: made on the
 * first start, reused after, so a kubeconfig written once keeps working.
 *
 * <p>Real Kubernetes: {@code kubeadm init phase certs} ({@code cmd/kubeadm/app/phases/certs}), which
 * writes the same files under {@code /etc/kubernetes/pki}.
 */
public final class Pki {
    public static final String CA_CERT = "ca.crt";
    public static final String CA_KEY = "ca.key";
    public static final String SERVING_CERT = "apiserver.crt";
    public static final String SERVING_KEY = "apiserver.key";
    /** The alias of the serving key in {@link #serverKeyStore}. */
    public static final String KEY_ALIAS = "apiserver";
    /** The names every serving certificate carries: loopback, and the in-cluster names of the {@code kubernetes} Service. */
    public static final List<String> DEFAULT_SANS = List.of("127.0.0.1", "::1", "localhost",
            "kubernetes", "kubernetes.default", "kubernetes.default.svc");

    private final X509Certificate ca;
    private final X509Certificate serving;
    private final PrivateKey servingKey;

    private Pki(X509Certificate ca, X509Certificate serving, PrivateKey servingKey) {
        this.ca = ca;
        this.serving = serving;
        this.servingKey = servingKey;
    }

    /**
     * Loads the four PEM files from {@code dir}, generating any that are missing: ECDSA P-256, the
     * CA valid 10 years, the serving certificate 1 year, for {@link #DEFAULT_SANS} plus
     * {@code extraSans} (IP addresses become IP SANs, anything else a DNS SAN). Keys are written 0600.
     *
     * @throws IOException if a file cannot be read or written, or only one half of the CA is there
     */
    public static Pki loadOrCreate(Path dir, List<String> extraSans) throws IOException {
        return loadOrCreate(dir, extraSans, Instant::now);
    }

    /** As {@link #loadOrCreate(Path, List)}, with the clock that dates new certificates and judges old ones. */
    public static Pki loadOrCreate(Path dir, List<String> extraSans, Clock clock) throws IOException {
        Files.createDirectories(dir);
        Instant now = clock.now();
        Set<String> sans = new LinkedHashSet<>(DEFAULT_SANS);
        sans.addAll(extraSans);

        // 1. The CA. Never regenerated over half of one: a new CA would silently break every
        //    kubeconfig that trusts the old one, so a lone ca.crt or ca.key is an error to look into.
        Path caCertFile = dir.resolve(CA_CERT);
        Path caKeyFile = dir.resolve(CA_KEY);
        X509Certificate ca;
        PrivateKey caKey;
        if (Files.exists(caCertFile) && Files.exists(caKeyFile)) {
            ca = PemFiles.readCertificate(caCertFile);
            caKey = PemFiles.readKey(caKeyFile);
            requireMatch(ca, caKey, caCertFile, caKeyFile);
        } else if (!Files.exists(caCertFile) && !Files.exists(caKeyFile)) {
            KeyPair pair = Certificates.newKeyPair();
            ca = Certificates.selfSignedCa(pair, now);
            caKey = pair.getPrivate();
            PemFiles.writeKey(caKeyFile, pair);
            PemFiles.writeCertificate(caCertFile, ca);
        } else {
            throw new IOException("found only one of " + caCertFile + " and " + caKeyFile
                    + "; restore the other or remove both to make a new CA");
        }

        // 2. The serving certificate. Unlike the CA, it is cheap to replace: clients trust the CA, not
        //    this certificate, so it is remade whenever it no longer fits (missing, another CA's,
        //    expired, or lacking a name asked for with extraSans).
        Path certFile = dir.resolve(SERVING_CERT);
        Path keyFile = dir.resolve(SERVING_KEY);
        if (Files.exists(certFile) && Files.exists(keyFile)) {
            X509Certificate serving = PemFiles.readCertificate(certFile);
            PrivateKey key = PemFiles.readKey(keyFile);
            if (stillFits(serving, key, ca, sans, now)) {
                return new Pki(ca, serving, key);
            }
        }
        KeyPair pair = Certificates.newKeyPair();
        X509Certificate serving = Certificates.signServing(pair.getPublic(), ca, caKey, sans, now);
        PemFiles.writeKey(keyFile, pair);
        PemFiles.writeCertificate(certFile, serving);
        return new Pki(ca, serving, pair.getPrivate());
    }

    private static boolean stillFits(X509Certificate serving, PrivateKey key, X509Certificate ca, Set<String> sans,
                                     Instant now) {
        try {
            serving.verify(ca.getPublicKey());
            serving.checkValidity(Date.from(now));
        } catch (CertificateExpiredException | CertificateNotYetValidException e) {
            return false;
        } catch (GeneralSecurityException e) {
            return false; // signed by another CA, or not a signature we can check
        }
        return Certificates.keyMatches(serving.getPublicKey(), key) && Certificates.namesAll(serving, sans);
    }

    private static void requireMatch(X509Certificate cert, PrivateKey key, Path certFile, Path keyFile)
            throws IOException {
        if (!Certificates.keyMatches(cert.getPublicKey(), key)) {
            throw new IOException(keyFile + " is not the private key of " + certFile);
        }
    }

    /** The CA that signed the serving certificate; clients trust this one. */
    public X509Certificate caCertificate() {
        return ca;
    }

    /** The certificate the API server presents in the TLS handshake. */
    public X509Certificate servingCertificate() {
        return serving;
    }

    /** The CA certificate as PEM text, as in {@code ca.crt} and a kubeconfig's {@code certificate-authority-data}. */
    public String caPem() {
        return PemFiles.pem(ca);
    }

    /**
     * A client's TLS context that trusts this CA and nothing else, as a kubeconfig's
     * {@code certificate-authority-data} makes kubectl trust it.
     */
    public SSLContext clientContext() {
        try {
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("kubelab-ca", caCertificate());
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, tmf.getTrustManagers(), null);
            return context;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build a TLS context trusting the cluster CA", e);
        }
    }

    /**
     * A PKCS #12 key store holding, under alias {@value #KEY_ALIAS}, the serving key and the chain
     * [serving certificate, CA], for Jetty's {@code SslContextFactory.Server} or a JDK
     * {@code KeyManagerFactory}. The CA is sent along so that clients can build the path.
     */
    public KeyStore serverKeyStore(char[] password) {
        try {
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            List<Certificate> chain = new ArrayList<>(List.of(serving, ca));
            store.setKeyEntry(KEY_ALIAS, servingKey, password, chain.toArray(Certificate[]::new));
            return store;
        } catch (GeneralSecurityException | IOException e) {
            throw new IllegalStateException("cannot build the PKCS12 key store", e);
        }
    }
}
