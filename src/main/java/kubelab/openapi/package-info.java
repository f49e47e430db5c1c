/**
 * The OpenAPI documents of KubeLab's API, generated from the records of the {@link kubelab.api.Scheme}:
 * Swagger 2.0 at {@code /openapi/v2} (JSON, and the gnostic protobuf kubectl asks for) and
 * OpenAPI 3.0 at {@code /openapi/v3} (discovery plus one document per group version). Start at
 * {@link kubelab.openapi.OpenApi}.
 *
 * <p>Who uses it: the HTTP server ({@code kubelab.server}) serves the bytes; kubectl reads them to
 * validate manifests on the client, to learn that the server validates fields itself, and for
 * {@code kubectl explain}.
 *
 * <p>Why it is shaped this way: the schemas are derived from the same records that encode objects
 * (through Jackson's own view of them), so the documents cannot drift from what goes over the wire.
 *
 * <p>Real Kubernetes: {@code k8s.io/kube-openapi} (generation and handlers) and
 * {@code api/openapi-spec} (the published documents).
 */
package kubelab.openapi;
