package kubelab.client;

import java.util.ArrayList;
import java.util.List;

/** Writes down every notification as a line a test can compare: {@code add ns/a@1}. */
final class RecordingHandler implements ResourceEventHandler<Thing> {
    final List<String> events = new ArrayList<>();

    @Override
    public void onAdd(Thing obj, boolean isInInitialList) {
        events.add("add " + Cache.metaNamespaceKey(obj) + "@" + obj.resourceVersion() + (isInInitialList ? " (initial)" : ""));
    }

    @Override
    public void onUpdate(Thing oldObj, Thing newObj) {
        events.add("update " + Cache.metaNamespaceKey(newObj) + "@" + oldObj.resourceVersion() + "->" + newObj.resourceVersion());
    }

    @Override
    public void onDelete(Thing obj) {
        events.add("delete " + Cache.metaNamespaceKey(obj) + "@" + obj.resourceVersion());
    }

    @Override
    public void onDeletedFinalStateUnknown(DeletedFinalStateUnknown<Thing> tombstone) {
        events.add("delete " + tombstone.key() + " (final state unknown)");
    }

    List<String> drain() {
        List<String> copy = List.copyOf(events);
        events.clear();
        return copy;
    }
}
