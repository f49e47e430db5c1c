/**
 * The credentials of {@code kubelab serve}: the cluster's CA and the API server's serving
 * certificate ({@link kubelab.server.pki.Pki}), the static bearer tokens of an admin and a viewer
 * ({@link kubelab.server.pki.Credentials}), and the kubeconfig that hands both to kubectl
 * ({@link kubelab.server.pki.Kubeconfig}).
 *
 * <p>Everything lives as plain files in the server's data directory ({@code ca.crt}, {@code ca.key},
 * {@code apiserver.crt}, {@code apiserver.key}, {@code tokens.csv}) in the formats kubeadm and
 * kube-apiserver use, so openssl and kubectl can inspect them. They are made on the first start and
 * reused after, so a kubeconfig copied once keeps working. The HTTPS server reads the
 * {@link java.security.KeyStore} from {@code Pki}; the token file feeds
 * {@link kubelab.apiserver.auth.TokenAuthenticator}. Bouncy Castle builds and encodes the
 * certificates, because the JDK has no public API to issue one; keys are ECDSA P-256 so that the
 * first start takes milliseconds.
 *
 * <p>Real Kubernetes: {@code cmd/kubeadm/app/phases/certs} and {@code .../phases/kubeconfig},
 * {@code k8s.io/client-go/util/cert}, and kube-apiserver's {@code --token-auth-file}.
 */
package kubelab.server.pki;
