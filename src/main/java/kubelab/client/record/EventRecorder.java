package kubelab.client.record;

import kubelab.api.core.ObjectReference;
import kubelab.api.meta.KubeObject;

/**
 * What a component calls to record that something happened to an object: {@code type} is
 * {@code Normal} or {@code Warning}, {@code reason} a short CamelCase word ({@code Scheduled},
 * {@code Pulling}, {@code BackOff}), {@code message} a sentence for people.
 *
 * <p>Recording never fails and never blocks the caller: the event is written later, on the loop.
 *
 * <p>Real Kubernetes: {@code EventRecorder} in client-go's {@code tools/record/event.go}.
 */
public interface EventRecorder {
    /** Records an event about {@code object}. */
    default void event(KubeObject object, String type, String reason, String message) {
        event(ObjectReference.to(object), type, reason, message);
    }

    /** Records an event about {@code object}, the message made with {@link String#format}. */
    default void eventf(KubeObject object, String type, String reason, String format, Object... args) {
        event(object, type, reason, String.format(format, args));
    }

    /**
     * Records an event about a reference, for instance one with a {@code fieldPath} such as
     * {@code spec.containers{nginx}}, as the kubelet gives for container events.
     */
    void event(ObjectReference reference, String type, String reason, String message);

    /** A recorder that drops everything, for components run without a cluster. */
    static EventRecorder discarding() {
        return (reference, type, reason, message) -> { };
    }
}
