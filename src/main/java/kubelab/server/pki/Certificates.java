package kubelab.server.pki;

import com.google.common.net.InetAddresses;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.net.InetAddress;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.SecureRandom;
import java.security.Signature;
import java.security.cert.CertificateParsingException;
import java.security.cert.X509Certificate;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.bouncycastle.asn1.x500.X500Name;
import org.bouncycastle.asn1.x509.BasicConstraints;
import org.bouncycastle.asn1.x509.ExtendedKeyUsage;
import org.bouncycastle.asn1.x509.Extension;
import org.bouncycastle.asn1.x509.GeneralName;
import org.bouncycastle.asn1.x509.GeneralNames;
import org.bouncycastle.asn1.x509.KeyPurposeId;
import org.bouncycastle.asn1.x509.KeyUsage;
import org.bouncycastle.cert.CertIOException;
import org.bouncycastle.cert.X509v3CertificateBuilder;
import org.bouncycastle.cert.jcajce.JcaX509CertificateConverter;
import org.bouncycastle.cert.jcajce.JcaX509ExtensionUtils;
import org.bouncycastle.cert.jcajce.JcaX509v3CertificateBuilder;
import org.bouncycastle.operator.OperatorCreationException;
import org.bouncycastle.operator.jcajce.JcaContentSignerBuilder;

/**
 * Makes the two certificates a cluster needs: a self-signed CA and a serving certificate it
 * signs. ECDSA P-256 throughout, because a key pair takes milliseconds, not the seconds of RSA.
 *
 * <p>Real Kubernetes: {@code k8s.io/client-go/util/cert} ({@code NewSelfSignedCACert}) and
 * kubeadm's {@code cmd/kubeadm/app/util/pkiutil} ({@code NewSignedCert}).
 */
final class Certificates {
    static final String CA_COMMON_NAME = "kubernetes";
    static final String SERVING_COMMON_NAME = "kube-apiserver";
    static final Duration CA_VALIDITY = Duration.ofDays(3650);
    static final Duration SERVING_VALIDITY = Duration.ofDays(365);
    /** Certificates start a little in the past, so a client whose clock lags still accepts them (kubeadm does the same). */
    static final Duration BACKDATE = Duration.ofMinutes(5);

    private static final String SIGNATURE_ALGORITHM = "SHA256withECDSA";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Certificates() {
    }

    static KeyPair newKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"), RANDOM);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("this JDK cannot make ECDSA P-256 keys", e);
        }
    }

    /** A CA certificate for {@code key}, signed by itself, that may sign other certificates. */
    static X509Certificate selfSignedCa(KeyPair key, Instant now) {
        X500Name subject = new X500Name("CN=" + CA_COMMON_NAME);
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(subject, subject, key.getPublic(), now, CA_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(true))
                    .addExtension(Extension.keyUsage, true,
                            new KeyUsage(KeyUsage.digitalSignature | KeyUsage.keyCertSign | KeyUsage.cRLSign))
                    .addExtension(Extension.subjectKeyIdentifier, false,
                            utils.createSubjectKeyIdentifier(key.getPublic()));
            return sign(builder, key.getPrivate());
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the CA certificate", e);
        }
    }

    /** A TLS server certificate for {@code key} naming {@code sans}, signed by the CA. */
    static X509Certificate signServing(PublicKey key, X509Certificate ca, PrivateKey caKey,
                                       Collection<String> sans, Instant now) {
        X500Name issuer = X500Name.getInstance(ca.getSubjectX500Principal().getEncoded());
        try {
            JcaX509ExtensionUtils utils = new JcaX509ExtensionUtils();
            X509v3CertificateBuilder builder = builder(issuer, new X500Name("CN=" + SERVING_COMMON_NAME), key, now,
                    SERVING_VALIDITY)
                    .addExtension(Extension.basicConstraints, true, new BasicConstraints(false))
                    // ECDSA keys only sign the handshake; keyEncipherment is for RSA key exchange.
                    .addExtension(Extension.keyUsage, true, new KeyUsage(KeyUsage.digitalSignature))
                    .addExtension(Extension.extendedKeyUsage, false, new ExtendedKeyUsage(KeyPurposeId.id_kp_serverAuth))
                    .addExtension(Extension.subjectKeyIdentifier, false, utils.createSubjectKeyIdentifier(key))
                    .addExtension(Extension.authorityKeyIdentifier, false, utils.createAuthorityKeyIdentifier(ca))
                    .addExtension(Extension.subjectAlternativeName, false, generalNames(sans));
            return sign(builder, caKey);
        } catch (GeneralSecurityException | CertIOException e) {
            throw new IllegalStateException("cannot make the serving certificate", e);
        }
    }

    private static X509v3CertificateBuilder builder(X500Name issuer, X500Name subject, PublicKey key, Instant now,
                                                    Duration validity) {
        // A random serial, as RFC 5280 asks that no CA reuse one; 127 bits keep it positive and under 20 octets.
        BigInteger serial = new BigInteger(127, RANDOM);
        Instant notBefore = now.minus(BACKDATE);
        return new JcaX509v3CertificateBuilder(issuer, serial, Date.from(notBefore), Date.from(now.plus(validity)),
                subject, key);
    }

    private static X509Certificate sign(X509v3CertificateBuilder builder, PrivateKey signer)
            throws GeneralSecurityException {
        try {
            return new JcaX509CertificateConverter()
                    .getCertificate(builder.build(new JcaContentSignerBuilder(SIGNATURE_ALGORITHM).build(signer)));
        } catch (OperatorCreationException e) {
            throw new GeneralSecurityException(e);
        }
    }

    /** Whether {@code key} is the private half of {@code publicKey}: it signs, and the public key verifies. */
    static boolean keyMatches(PublicKey publicKey, PrivateKey key) {
        try {
            byte[] probe = "kubelab key check".getBytes(StandardCharsets.US_ASCII);
            Signature signer = Signature.getInstance(SIGNATURE_ALGORITHM);
            signer.initSign(key);
            signer.update(probe);
            Signature verifier = Signature.getInstance(SIGNATURE_ALGORITHM);
            verifier.initVerify(publicKey);
            verifier.update(probe);
            return verifier.verify(signer.sign());
        } catch (GeneralSecurityException e) {
            return false; // e.g. an RSA key next to an ECDSA certificate
        }
    }

    /** Each name as an IP address SAN if it parses as one (v4 or v6), otherwise as a DNS name. */
    static GeneralNames generalNames(Collection<String> sans) {
        List<GeneralName> names = new ArrayList<>();
        for (String san : new LinkedHashSet<>(sans)) {
            names.add(InetAddresses.isInetAddress(san)
                    ? new GeneralName(GeneralName.iPAddress, san)
                    : new GeneralName(GeneralName.dNSName, san));
        }
        return new GeneralNames(names.toArray(GeneralName[]::new));
    }

    /**
     * Whether {@code cert} names every one of {@code sans}. IP addresses are compared as addresses,
     * since the JDK prints {@code ::1} as {@code 0:0:0:0:0:0:0:1}.
     */
    static boolean namesAll(X509Certificate cert, Collection<String> sans) {
        Set<Object> present = new LinkedHashSet<>();
        try {
            Collection<List<?>> entries = cert.getSubjectAlternativeNames();
            for (List<?> entry : entries == null ? List.<List<?>>of() : entries) {
                int type = (Integer) entry.get(0);
                String value = Objects.toString(entry.get(1));
                if (type == GeneralName.iPAddress) {
                    present.add(InetAddresses.forString(value));
                } else if (type == GeneralName.dNSName) {
                    present.add(value.toLowerCase());
                }
            }
        } catch (CertificateParsingException e) {
            return false;
        }
        for (String san : sans) {
            Object wanted = InetAddresses.isInetAddress(san) ? (InetAddress) InetAddresses.forString(san) : san.toLowerCase();
            if (!present.contains(wanted)) {
                return false;
            }
        }
        return true;
    }
}
