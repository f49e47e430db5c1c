package kubelab.apiserver;

/** A running API watch; close it to stop delivery. Closing twice is harmless. */
public interface ApiWatch extends AutoCloseable {
    @Override
    void close();
}
