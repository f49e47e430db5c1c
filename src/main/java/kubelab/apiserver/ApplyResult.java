package kubelab.apiserver;

/**
 * What a server-side apply did: {@code object} as stored (or as it would be, on a dry run), and
 * {@code created}, true if no object existed and the apply created it. Over HTTP the first is the
 * body, the second chooses between {@code 201 Created} and {@code 200 OK}.
 *
 * <p>Real Kubernetes: the {@code wasCreated} flag {@code patchResource} returns in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go}.
 */
public record ApplyResult<T>(T object, boolean created) {
}
