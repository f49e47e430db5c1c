package kubelab.store;

/** Receives a watch's events, in revision order. */
@FunctionalInterface
public interface WatchListener {
    void onEvent(WatchEvent event);

    /**
     * The watch ended on the store's side and will deliver nothing more; {@code cause} says why
     * (for example {@link StoreException.Compacted}, or a lost connection to a remote store).
     * A watcher that wants to go on lists again and watches from there.
     */
    default void onClose(StoreException cause) {
    }
}
