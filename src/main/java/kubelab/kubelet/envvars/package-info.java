/**
 * A container's environment and the downward API: literal values with {@code $(VAR)} expansion,
 * values from ConfigMaps, Secrets, pod fields and container resources, and {@code envFrom}.
 *
 * <p>Reads ConfigMaps and Secrets from the API at the moment a container is created, as the
 * kubelet does; the downward API helpers are shared with downwardAPI volumes.
 */
package kubelab.kubelet.envvars;
