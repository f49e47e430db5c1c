package kubelab.store;

/** A running store watch; close it to stop delivery. Closing twice is harmless. */
public interface StoreWatch extends AutoCloseable {
    @Override
    void close();
}
