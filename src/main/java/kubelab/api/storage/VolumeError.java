package kubelab.api.storage;

import java.time.Instant;

/**
 * An error of an attach or detach call: when, a message safe to show, and the gRPC code if any.
 *
 * <p>Real Kubernetes: {@code storagev1.VolumeError}.
 */
public record VolumeError(Instant time, String message, Integer errorCode) {
}
