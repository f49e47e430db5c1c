package kubelab.server.pki;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import kubelab.api.rbac.ClusterRoleBinding;
import kubelab.api.rbac.RoleRef;
import kubelab.api.rbac.Subject;
import kubelab.apiserver.auth.TokenAuthenticator;
import kubelab.apiserver.auth.TokenAuthenticator.TokenUser;

/**
 * The two static bearer tokens of a lab cluster, an administrator's and a read-only viewer's, kept
 * in {@code tokens.csv} in kube-apiserver's {@code --token-auth-file} format:
 * {@code token,user,uid,"group1,group2"}.
 *
 * <p>The administrator is in {@code system:masters}, the group RBAC lets do anything; the viewer is
 * in no group of its own (the authenticator adds {@code system:authenticated}) and gets read access
 * through {@link #viewerBinding()}, granting the default ClusterRole {@code view}.
 *
 * <p>Real Kubernetes: the static token file read by {@code k8s.io/apiserver/pkg/authentication/token/tokenfile};
 * a kubeadm cluster's admin instead holds a client certificate in {@code admin.conf}.
 */
public final class Credentials {
    public static final String ADMIN_USER = "kubelab-admin";
    public static final String VIEWER_USER = "kubelab-viewer";
    public static final String ADMIN_GROUP = "system:masters";
    public static final String TOKEN_FILE = "tokens.csv";
    /** The binding's name, and the default ClusterRole it grants. */
    public static final String VIEWER_BINDING = "kubelab-viewer";
    public static final String VIEW_ROLE = "view";

    // The uid column is free text; fixed values keep audit logs comparable across restarts.
    static final String ADMIN_UID = "1000";
    static final String VIEWER_UID = "1001";

    /** 16 random bytes, printed as 32 hex digits: 128 bits, as the Kubernetes docs' {@code head -c 16 /dev/urandom} recipe. */
    private static final int TOKEN_BYTES = 16;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String adminToken;
    private final String viewerToken;
    private final String tokenCsv;

    private Credentials(String adminToken, String viewerToken, String tokenCsv) {
        this.adminToken = adminToken;
        this.viewerToken = viewerToken;
        this.tokenCsv = tokenCsv;
    }

    /**
     * Loads {@code dir/tokens.csv}, or writes one (mode 0600) with two fresh random tokens.
     *
     * @throws IOException if the file cannot be read or written, is malformed, or lacks one of the two users
     */
    public static Credentials loadOrCreate(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path file = dir.resolve(TOKEN_FILE);
        if (Files.exists(file)) {
            return parse(file.toString(), Files.readString(file, StandardCharsets.UTF_8));
        }
        String adminToken = newToken();
        String viewerToken = newToken();
        String csv = adminToken + "," + ADMIN_USER + "," + ADMIN_UID + ",\"" + ADMIN_GROUP + "\"\n"
                + viewerToken + "," + VIEWER_USER + "," + VIEWER_UID + "\n";
        PemFiles.writeSecret(file, csv);
        return new Credentials(adminToken, viewerToken, csv);
    }

    /** Reads the two users' tokens with the API server's own parser, so what it accepts is what we read. */
    private static Credentials parse(String fileName, String csv) throws IOException {
        List<TokenUser> users;
        try {
            users = TokenAuthenticator.parse(fileName, csv).users();
        } catch (IllegalArgumentException e) {
            throw new IOException(e.getMessage(), e);
        }
        return new Credentials(tokenOf(users, ADMIN_USER, fileName), tokenOf(users, VIEWER_USER, fileName), csv);
    }

    private static String tokenOf(List<TokenUser> users, String username, String fileName) throws IOException {
        return users.stream().filter(u -> u.username().equals(username)).map(TokenUser::token).findFirst()
                .orElseThrow(() -> new IOException("token file '" + fileName + "' has no line for user " + username
                        + "; add one or remove the file to make new tokens"));
    }

    static String newToken() {
        byte[] bytes = new byte[TOKEN_BYTES];
        RANDOM.nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }

    /** The bearer token of {@value #ADMIN_USER}, in {@value #ADMIN_GROUP}. */
    public String adminToken() {
        return adminToken;
    }

    /** The bearer token of {@value #VIEWER_USER}, who may read but not write. */
    public String viewerToken() {
        return viewerToken;
    }

    /** The text of {@code tokens.csv}, for {@code TokenAuthenticator.parse}. */
    public String tokenCsv() {
        return tokenCsv;
    }

    /** ClusterRoleBinding {@value #VIEWER_BINDING}: User {@value #VIEWER_USER} gets ClusterRole {@value #VIEW_ROLE}. */
    public ClusterRoleBinding viewerBinding() {
        return ClusterRoleBinding.of(VIEWER_BINDING, RoleRef.clusterRole(VIEW_ROLE), List.of(Subject.user(VIEWER_USER)));
    }

    @Override
    public String toString() {
        return "Credentials[" + ADMIN_USER + ", " + VIEWER_USER + "]"; // never print the tokens
    }
}
