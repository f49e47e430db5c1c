package kubelab.apiserver;

/** Receives a watch's events in order. After an ERROR event, or {@link #onClose()}, nothing more comes. */
@FunctionalInterface
public interface WatchHandler<T> {
    void onEvent(WatchEvent<T> event);

    /** The watch ended without an error (closed by the client, or its timeout passed). */
    default void onClose() {
    }
}
