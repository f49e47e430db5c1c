package kubelab.apiserver.auth;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kubelab.api.meta.Status;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.UserInfo;

/**
 * The first step of every request: who is asking. A request with a token the authenticators know
 * is that user, plus the group {@code system:authenticated}; a request with no token is
 * {@code system:anonymous} (group {@code system:unauthenticated}) if anonymous access is on; any
 * other request is refused with 401 Unauthorized. A token nobody knows is a 401 even when anonymous
 * access is on: a client that sent credentials wants to be that user, not nobody.
 *
 * <p>Real Kubernetes: {@code filters.WithAuthentication}, with the authenticator kube-apiserver
 * builds in {@code pkg/kubeapiserver/authenticator/config.go}: a union of token authenticators,
 * {@code group.AuthenticatedGroupAdder}, then {@code anonymous} behind {@code union.NewFailOnError}.
 */
public final class RequestAuthentication {
    /** The user of a request that carries no credentials. */
    public static final String ANONYMOUS = "system:anonymous";
    /** The group every authenticated user is in. */
    public static final String ALL_AUTHENTICATED = "system:authenticated";
    /** The group of {@link #ANONYMOUS}. */
    public static final String ALL_UNAUTHENTICATED = "system:unauthenticated";
    /** The group the bootstrap {@code cluster-admin} binding grants everything to. */
    public static final String SYSTEM_MASTERS = "system:masters";

    public static final UserInfo ANONYMOUS_USER = new UserInfo(ANONYMOUS, List.of(ALL_UNAUTHENTICATED));

    private final Authenticator authenticator;
    private final boolean anonymousEnabled;

    /**
     * @param anonymousEnabled kube-apiserver's {@code --anonymous-auth} (on by default there; here
     *                         the caller decides, so a notebook can show both answers)
     */
    public RequestAuthentication(Authenticator authenticator, boolean anonymousEnabled) {
        this.authenticator = authenticator;
        this.anonymousEnabled = anonymousEnabled;
    }

    public boolean anonymousEnabled() {
        return anonymousEnabled;
    }

    /**
     * The user behind a bearer token (null or empty: no credentials).
     *
     * @throws ApiException 401 Unauthorized
     */
    public UserInfo authenticate(String bearerToken) {
        if (bearerToken == null || bearerToken.isEmpty()) {
            if (anonymousEnabled) {
                return ANONYMOUS_USER;
            }
            throw unauthorized();
        }
        Optional<UserInfo> user = authenticator.authenticateToken(bearerToken);
        if (user.isEmpty()) {
            throw unauthorized();
        }
        return withAuthenticatedGroup(user.get());
    }

    /**
     * The user behind an HTTP {@code Authorization} header, as the HTTP server receives it
     * ({@code Bearer <token>}; null: no header). Another scheme counts as no bearer token.
     */
    public UserInfo authenticateHeader(String authorizationHeader) {
        if (authorizationHeader == null) {
            return authenticate(null);
        }
        String h = authorizationHeader.trim();
        // Kubernetes accepts the scheme in any case and ignores a header with an empty token.
        if (h.length() > 7 && h.substring(0, 7).equalsIgnoreCase("bearer ")) {
            String token = h.substring(7).trim();
            if (token.isEmpty()) {
                return authenticate(null);
            }
            return authenticate(token);
        }
        return authenticate(null);
    }

    private static UserInfo withAuthenticatedGroup(UserInfo user) {
        if (user.groups().contains(ALL_AUTHENTICATED)) {
            return user;
        }
        List<String> groups = new ArrayList<>(user.groups());
        groups.add(ALL_AUTHENTICATED);
        return new UserInfo(user.username(), groups);
    }

    /** Kubernetes' 401: reason Unauthorized, message "Unauthorized", and nothing that helps a guesser. */
    public static ApiException unauthorized() {
        return new ApiException(Status.failure(401, "Unauthorized", "Unauthorized", null));
    }
}
