package kubelab.runtime.cri;

/**
 * A CRI call that failed: an unknown id, a container in the wrong state, an image that cannot be
 * pulled. The message is what the kubelet puts into events and waiting reasons.
 *
 * <p>Real Kubernetes: a gRPC status error returned by the runtime.
 */
public class CriException extends RuntimeException {
    public CriException(String message) {
        super(message);
    }
}
