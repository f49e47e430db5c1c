/**
 * Label selectors and label syntax: {@link kubelab.api.labels.Selector} parses
 * {@code app=web,env in (a,b)} or converts an object's {@code spec.selector}, and matches label
 * sets; {@link kubelab.api.labels.LabelValidation} checks keys and values.
 *
 * <p>Used by the API server (list and watch filters, validation), informer indexes, and every
 * controller that owns objects by label. Kept as small pure values with Kubernetes' grammar and
 * messages, because learners meet selectors on the command line before they meet them in code.
 */
package kubelab.api.labels;
