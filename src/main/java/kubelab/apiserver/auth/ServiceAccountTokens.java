package kubelab.apiserver.auth;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kubelab.apiserver.UserInfo;

/**
 * Issues and verifies ServiceAccount tokens: a token names one ServiceAccount and carries an
 * HMAC-SHA256 signature made with the key the server was given, so only this server can mint
 * them and nobody can change the name inside. Its user is
 * {@code system:serviceaccount:<namespace>:<name>}, in the groups {@code system:serviceaccounts}
 * and {@code system:serviceaccounts:<namespace>}.
 *
 * <p>Kubernetes signs a JWT with an RSA or ECDSA key ({@code --service-account-signing-key-file})
 * and binds it to an audience, an expiry and a pod; this keeps only the part that matters for
 * authorization: a tamper-proof name. The token is {@code base64url(namespace:name).base64url(hmac)}.
 *
 * <p>Real Kubernetes: {@code pkg/serviceaccount} (the JWT token generator and authenticator) and
 * {@code k8s.io/apiserver/pkg/authentication/serviceaccount} (the user name and groups).
 */
public final class ServiceAccountTokens implements Authenticator {
    public static final String USERNAME_PREFIX = "system:serviceaccount:";
    public static final String ALL_SERVICE_ACCOUNTS_GROUP = "system:serviceaccounts";

    private static final String ALGORITHM = "HmacSHA256";
    private static final Base64.Encoder ENCODER = Base64.getUrlEncoder().withoutPadding();
    private static final Base64.Decoder DECODER = Base64.getUrlDecoder();

    private final SecretKeySpec key;

    /** Tokens signed with {@code signingKey} (at least 16 bytes). */
    public ServiceAccountTokens(byte[] signingKey) {
        if (signingKey.length < 16) {
            throw new IllegalArgumentException("a service account signing key needs at least 16 bytes");
        }
        this.key = new SecretKeySpec(signingKey.clone(), ALGORITHM);
    }

    /** A token for the ServiceAccount {@code namespace/name}. */
    public String issue(String namespace, String name) {
        String payload = namespace + ":" + name;
        return ENCODER.encodeToString(payload.getBytes(StandardCharsets.UTF_8)) + "." + ENCODER.encodeToString(sign(payload));
    }

    @Override
    public Optional<UserInfo> authenticateToken(String token) {
        int dot = token.indexOf('.');
        if (dot <= 0 || dot != token.lastIndexOf('.')) {
            return Optional.empty();
        }
        String payload;
        byte[] signature;
        try {
            payload = new String(DECODER.decode(token.substring(0, dot)), StandardCharsets.UTF_8);
            signature = DECODER.decode(token.substring(dot + 1));
        } catch (IllegalArgumentException notBase64) {
            return Optional.empty();
        }
        // Constant-time comparison: a timing difference must not reveal how much of a forgery was right.
        if (!MessageDigest.isEqual(sign(payload), signature)) {
            return Optional.empty();
        }
        int colon = payload.indexOf(':');
        if (colon <= 0 || colon == payload.length() - 1) {
            return Optional.empty();
        }
        return Optional.of(userInfo(payload.substring(0, colon), payload.substring(colon + 1)));
    }

    /** The user a ServiceAccount authenticates as, without {@code system:authenticated}. */
    public static UserInfo userInfo(String namespace, String name) {
        return new UserInfo(username(namespace, name),
                List.of(ALL_SERVICE_ACCOUNTS_GROUP, ALL_SERVICE_ACCOUNTS_GROUP + ":" + namespace));
    }

    /** {@code system:serviceaccount:<namespace>:<name>}. */
    public static String username(String namespace, String name) {
        return USERNAME_PREFIX + namespace + ":" + name;
    }

    /** The namespace and name in a ServiceAccount's user name, or empty for any other user. */
    public static Optional<String[]> split(String username) {
        if (username == null || !username.startsWith(USERNAME_PREFIX)) {
            return Optional.empty();
        }
        String rest = username.substring(USERNAME_PREFIX.length());
        int colon = rest.indexOf(':');
        if (colon <= 0 || colon == rest.length() - 1 || rest.indexOf(':', colon + 1) >= 0) {
            return Optional.empty();
        }
        return Optional.of(new String[] {rest.substring(0, colon), rest.substring(colon + 1)});
    }

    private byte[] sign(String payload) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(payload.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is part of every JDK", e);
        }
    }
}
