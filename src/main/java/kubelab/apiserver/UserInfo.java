package kubelab.apiserver;

import java.util.List;

/**
 * Who makes a request, as authentication established it: a user name and groups.
 * In-process components act as {@link #SYSTEM} ({@code system:masters}, allowed everything).
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/authentication/user.Info}.
 */
public record UserInfo(String username, List<String> groups) {
    public static final UserInfo SYSTEM = new UserInfo("system:admin", List.of("system:masters", "system:authenticated"));

    public UserInfo {
        groups = List.copyOf(groups);
    }
}
