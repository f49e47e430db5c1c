/**
 * The namespace controller: it empties a Terminating namespace of every namespaced object, then
 * removes its {@code kubernetes} finalizer through the API server's {@code finalize} subresource.
 * It reads Namespaces from a {@link kubelab.client} informer and lists live through
 * {@link kubelab.apiserver.Api}, because what is left must be known exactly before the namespace goes.
 */
package kubelab.controller.namespace;
