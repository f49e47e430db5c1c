package kubelab.server.pki;

import java.io.IOException;
import java.io.Reader;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyPair;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.Set;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.SubjectPublicKeyInfo;
import org.bouncycastle.cert.X509CertificateHolder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.openssl.PEMKeyPair;
import org.bouncycastle.openssl.PEMParser;
import org.bouncycastle.openssl.jcajce.JcaPEMKeyConverter;
import org.bouncycastle.openssl.jcajce.JcaPEMWriter;
import org.bouncycastle.util.io.pem.PemObject;
import org.bouncycastle.util.io.pem.PemWriter;

/**
 * Reads and writes one certificate or private key as a PEM file, the format kubeadm and
 * openssl use. Private keys are written owner-only from the first byte.
 *
 * <p>Real Kubernetes: {@code k8s.io/client-go/util/keyutil} and {@code util/cert} ({@code WriteKey},
 * {@code WriteCert}, {@code ParsePrivateKeyPEM}).
 */
final class PemFiles {
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> WORLD_READABLE = PosixFilePermissions.fromString("rw-r--r--");

    private PemFiles() {
    }

    /** One object (a certificate or a key) as PEM text. */
    static String pem(Object object) {
        StringWriter text = new StringWriter();
        try (JcaPEMWriter writer = new JcaPEMWriter(text)) {
            writer.writeObject(object);
        } catch (IOException e) {
            throw new IllegalStateException("cannot encode " + object.getClass().getSimpleName() + " as PEM", e);
        }
        return text.toString();
    }

    static void writeCertificate(Path file, X509Certificate cert) throws IOException {
        write(file, pem(cert), WORLD_READABLE);
    }

    static void writeKey(Path file, KeyPair pair) throws IOException {
        write(file, ecPrivateKeyPem(pair), OWNER_ONLY);
    }

    /**
     * An {@code EC PRIVATE KEY} block (SEC 1) holding the curve and the public key, as Go's
     * {@code x509.MarshalECPrivateKey} writes. Built by hand because the JDK encodes the key as
     * PKCS #8 with the curve outside the inner structure, which Bouncy Castle would drop.
     */
    private static String ecPrivateKeyPem(KeyPair pair) throws IOException {
        PrivateKeyInfo info = PrivateKeyInfo.getInstance(pair.getPrivate().getEncoded());
        ECPrivateKey inner = ECPrivateKey.getInstance(info.parsePrivateKey());
        SubjectPublicKeyInfo publicKey = SubjectPublicKeyInfo.getInstance(pair.getPublic().getEncoded());
        int orderBits = ((java.security.interfaces.ECPrivateKey) pair.getPrivate()).getParams().getOrder().bitLength();
        ECPrivateKey sec1 = new ECPrivateKey(orderBits, inner.getKey(), publicKey.getPublicKeyData(),
                info.getPrivateKeyAlgorithm().getParameters());
        StringWriter text = new StringWriter();
        try (PemWriter writer = new PemWriter(text)) {
            writer.writeObject(new PemObject("EC PRIVATE KEY", sec1.getEncoded()));
        }
        return text.toString();
    }

    /** A file only its owner may read, such as a token file. */
    static void writeSecret(Path file, String text) throws IOException {
        write(file, text, OWNER_ONLY);
    }

    /**
     * Writes a temporary file with the final permissions, then renames it over {@code file}, so a
     * key is never readable by others, not even for a moment, and a crash leaves the old file or
     * the new one, never half of one.
     */
    private static void write(Path file, String text, Set<PosixFilePermission> permissions) throws IOException {
        Path tmp = file.resolveSibling(file.getFileName() + ".tmp");
        Files.deleteIfExists(tmp);
        try {
            Files.createFile(tmp, PosixFilePermissions.asFileAttribute(permissions));
        } catch (UnsupportedOperationException notPosix) {
            Files.createFile(tmp); // e.g. Windows: the directory's ACL decides
        } catch (FileAlreadyExistsException e) {
            throw new IOException("another process is writing " + file, e);
        }
        Files.writeString(tmp, text, StandardCharsets.UTF_8);
        try {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file, StandardCopyOption.REPLACE_EXISTING);
        }
    }

    static X509Certificate readCertificate(Path file) throws IOException {
        Object object = readObject(file);
        if (!(object instanceof X509CertificateHolder holder)) {
            throw new IOException(file + ": expected a PEM CERTIFICATE, found " + describe(object));
        }
        try {
            return new JcaX509CertificateConverter().getCertificate(holder);
        } catch (CertificateException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    /** A private key in SEC 1 ({@code EC PRIVATE KEY}, as written here) or PKCS #8 ({@code PRIVATE KEY}) form. */
    static PrivateKey readKey(Path file) throws IOException {
        Object object = readObject(file);
        JcaPEMKeyConverter converter = new JcaPEMKeyConverter();
        if (object instanceof PEMKeyPair pair) {
            return converter.getPrivateKey(pair.getPrivateKeyInfo());
        }
        if (object instanceof PrivateKeyInfo info) {
            return converter.getPrivateKey(info);
        }
        throw new IOException(file + ": expected an unencrypted PEM private key, found " + describe(object));
    }

    private static Object readObject(Path file) throws IOException {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.US_ASCII);
             PEMParser parser = new PEMParser(reader)) {
            return parser.readObject();
        }
    }

    private static String describe(Object object) {
        return object == null ? "no PEM block" : object.getClass().getSimpleName();
    }
}
