/**
 * Server-side apply and managed fields: who set which field of an object, and the merge that lets
 * several writers share one object without undoing each other.
 *
 * <ul>
 *   <li>{@link kubelab.apiserver.apply.PathElement} and {@link kubelab.apiserver.apply.FieldSet}:
 *       paths into an object and sets of them, written as the {@code FieldsV1} trie of
 *       {@code metadata.managedFields};</li>
 *   <li>{@link kubelab.apiserver.apply.TypedValue}: the field set of a value, the comparison of two,
 *       the structured merge, and the removal of fields nobody owns, guided by the kind's Java type
 *       (list types and keys come from the same annotations strategic merge patch reads);</li>
 *   <li>{@link kubelab.apiserver.apply.FieldManager}: the two operations, Update (every write) and
 *       Apply (with conflicts and {@code force}).</li>
 * </ul>
 *
 * <p>The registry calls the field manager on every create and update; the API server's apply
 * patcher calls {@code apply} and stores the result. Shaped as pure functions over JSON trees, as
 * the patch package is, so a test can merge two literals with no server.
 *
 * <p>Real Kubernetes: {@code sigs.k8s.io/structured-merge-diff} ({@code fieldpath}, {@code typed},
 * {@code merge}) and {@code k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager}.
 */
package kubelab.apiserver.apply;
