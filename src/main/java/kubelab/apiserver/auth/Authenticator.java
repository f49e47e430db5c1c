package kubelab.apiserver.auth;

import java.util.List;
import java.util.Optional;
import kubelab.apiserver.UserInfo;

/**
 * Turns a bearer token into the user it belongs to, or says it does not know the token. An
 * authenticator never decides what the user may do; that is the {@link Authorizer}'s job, after.
 *
 * <p>Empty means "not mine": the next authenticator of a {@link #union} gets a try, and if none
 * knows the token, {@link RequestAuthentication} answers 401 Unauthorized.
 *
 * <p>Real Kubernetes: {@code authenticator.Token} in {@code k8s.io/apiserver/pkg/authentication/authenticator},
 * and {@code pkg/authentication/token/union} for {@link #union}.
 */
@FunctionalInterface
public interface Authenticator {

    /** The user {@code token} identifies, without {@code system:authenticated} (that group is added later). */
    Optional<UserInfo> authenticateToken(String token);

    /** Asks each authenticator in order; the first that knows the token wins. */
    static Authenticator union(Authenticator... authenticators) {
        List<Authenticator> all = List.of(authenticators);
        return token -> {
            for (Authenticator a : all) {
                Optional<UserInfo> user = a.authenticateToken(token);
                if (user.isPresent()) {
                    return user;
                }
            }
            return Optional.empty();
        };
    }
}
