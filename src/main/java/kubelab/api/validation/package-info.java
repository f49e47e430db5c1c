/**
 * Syntax checks shared by all API types: DNS-shaped names (RFC 1123 labels and subdomains,
 * RFC 1035 labels), with Kubernetes' exact error words and length limits.
 *
 * <p>Used by label validation ({@link kubelab.api.labels.LabelValidation}) and by the API server's
 * per-kind validation. Each check is a pure function returning a list of messages, so the caller
 * decides the field path, as {@code k8s.io/apimachinery/pkg/util/validation} does.
 */
package kubelab.api.validation;
