/**
 * The three patch formats the API server accepts, as pure functions from JSON trees to a JSON tree.
 * The API server turns the stored object into a tree, applies the patch here, then decodes,
 * validates and stores the result like any update (with the resourceVersion it read, so a
 * concurrent write still makes it retry).
 *
 * <table>
 *   <caption>the formats, by Content-Type ({@link kubelab.apiserver.PatchType})</caption>
 *   <tr><th>format</th><th>what the patch is</th><th>who sends it</th></tr>
 *   <tr><td>{@link kubelab.apiserver.patch.JsonPatch} (RFC 6902)</td>
 *       <td>a list of operations on JSON pointers: add, remove, replace, move, copy, test</td>
 *       <td>{@code kubectl patch --type json}; controllers that need a conditional change</td></tr>
 *   <tr><td>{@link kubelab.apiserver.patch.JsonMergePatch} (RFC 7386)</td>
 *       <td>a partial object; {@code null} deletes; lists replaced whole</td>
 *       <td>{@code kubectl patch --type merge}; the only merge format for custom resources</td></tr>
 *   <tr><td>{@link kubelab.apiserver.patch.StrategicMergePatch}</td>
 *       <td>a partial object whose lists merge item by item where the type says so, plus
 *           {@code $}-directives</td>
 *       <td>{@code kubectl patch} (the default, {@code --type strategic}); {@code kubectl apply}
 *           for built-in kinds; {@code kubectl edit}</td></tr>
 * </table>
 *
 * <p>Why strategic merge patch exists: in a JSON merge patch a list is replaced whole, so a client
 * that changes one container's image must send every container, and any container another writer
 * added since (a sidecar an admission webhook injected) is lost. Strategic merge patch lets the
 * patch name only the item it changes, by its merge key, and leaves the others alone. It needs to
 * know the type, which is why it works only for kinds compiled into the server.
 *
 * <p>Errors are {@link kubelab.apiserver.patch.PatchException}s; its class comment says which HTTP
 * answer each gets, and {@code toApiException()} builds it.
 *
 * <p>Shaped as static functions on Jackson trees, never mutating their inputs, so a test or a
 * notebook can apply a patch to a literal and look at the result with no server at all.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/util/strategicpatch},
 * {@code github.com/evanphx/json-patch}, and the patcher in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/patch.go} that chooses between them.
 */
package kubelab.apiserver.patch;
