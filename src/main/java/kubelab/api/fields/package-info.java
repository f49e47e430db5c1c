/**
 * Field selectors: {@link kubelab.api.fields.FieldSelector} parses
 * {@code spec.nodeName=node-7,status.phase!=Succeeded} and matches an object's selectable fields,
 * given as a map from field path to value.
 *
 * <p>The API server decides which fields each kind exposes and builds that map; the kubelet's
 * watch on {@code spec.nodeName} is the classic user. Kept to equality terms only, as in
 * Kubernetes, so the server can route exact matches through an index.
 */
package kubelab.api.fields;
