package kubelab.client;

import java.util.function.BiConsumer;
import java.util.function.Consumer;

/**
 * What an informer tells its handlers, on the event loop, after its cache has changed. Handlers
 * of a controller should only compute a key and enqueue it: the work happens later, in the
 * worker, against the cache (level-based), so a coalesced or missed notification does no harm.
 *
 * <p>Every method has an empty default; override the ones you need. Objects passed are the
 * shared cached objects: never modify them.
 *
 * <p>Real Kubernetes: {@code cache.ResourceEventHandler} and {@code ResourceEventHandlerFuncs}.
 */
public interface ResourceEventHandler<T> {

    /**
     * An object entered the cache.
     *
     * @param isInInitialList true while the informer is still taking in its first list, and for
     *                        the replay a handler gets when it is added to a running informer
     */
    default void onAdd(T obj, boolean isInInitialList) {
    }

    /**
     * An object changed, or a resync is asking to look again (then {@code oldObj == newObj} and the
     * resourceVersions are equal).
     */
    default void onUpdate(T oldObj, T newObj) {
    }

    /** An object left the cache; {@code obj} is its final state. */
    default void onDelete(T obj) {
    }

    /**
     * An object left the cache while the informer was not watching: a relist no longer had it.
     * Its final state is unknown; the tombstone carries the last state the cache had. By default
     * this is passed to {@link #onDelete}; override to tell the two apart.
     */
    default void onDeletedFinalStateUnknown(DeletedFinalStateUnknown<T> tombstone) {
        onDelete(tombstone.obj());
    }

    /**
     * A handler that passes the object of every notification (the new one for an update) to
     * {@code action}: the usual "enqueue its key" handler of a controller.
     */
    static <T> ResourceEventHandler<T> onAnyChange(Consumer<? super T> action) {
        return funcs(action, (oldObj, newObj) -> action.accept(newObj), action);
    }

    /**
     * A handler made of three functions, one per notification, as controllers usually write them:
     * {@code funcs(this::addPod, this::updatePod, this::deletePod)}. ({@code onAdd} is not told
     * whether the object came with the initial list.)
     */
    static <T> ResourceEventHandler<T> funcs(Consumer<? super T> add, BiConsumer<? super T, ? super T> update,
                                             Consumer<? super T> delete) {
        return new ResourceEventHandler<>() {
            @Override
            public void onAdd(T obj, boolean isInInitialList) {
                add.accept(obj);
            }

            @Override
            public void onUpdate(T oldObj, T newObj) {
                update.accept(oldObj, newObj);
            }

            @Override
            public void onDelete(T obj) {
                delete.accept(obj);
            }
        };
    }
}
