/**
 * How API objects become JSON and YAML and back: {@link kubelab.api.serialization.Json} (Jackson,
 * configured once), {@link kubelab.api.serialization.Decoder} (typed decoding that reports unknown
 * and duplicate fields), {@link kubelab.api.serialization.ManifestReader} (files as
 * {@code kubectl apply -f} reads them) and {@link kubelab.api.serialization.ObjectDecoder}
 * (manifests to typed objects through the {@link kubelab.api.Scheme}).
 *
 * <p>Used by the API server for request bodies, by the store for its bytes, and by the CLI and
 * notebooks for manifests. One place for wire formats, so every component reads YAML the way
 * Kubernetes does and reports problems in the same words.
 */
package kubelab.api.serialization;
