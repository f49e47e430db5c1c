package kubelab.apiserver.apply;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.meta.ManagedFieldsEntry;

/**
 * An object's {@code metadata.managedFields}, decoded: each manager's field set and the time it
 * last changed the object. A manager is identified by name, operation, API version and
 * subresource together, so {@code kubectl} applying and {@code kubectl} updating are two owners.
 *
 * <p>Real Kubernetes: {@code internal.ManagedInterface} and its encoding in
 * {@code k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager/internal/managedfields.go}.
 */
final class ManagedFields {
    /** Who owns a set: the identity structured-merge-diff keys its managers by. */
    record Manager(String manager, String operation, String apiVersion, String subresource) {
        Manager {
            subresource = subresource == null ? "" : subresource;
        }

        /** {@code "kubectl-client-side-apply" using apps/v1}, as conflict messages name a manager. */
        String describe() {
            String s = '"' + manager + '"';
            if (!subresource.isEmpty()) {
                s += " with subresource \"" + subresource + '"';
            }
            return ManagedFieldsEntry.UPDATE.equals(operation) ? s + " using " + apiVersion : s;
        }
    }

    final Map<Manager, FieldSet> sets = new LinkedHashMap<>();
    final Map<Manager, Instant> times = new LinkedHashMap<>();

    static ManagedFields decode(List<ManagedFieldsEntry> entries) {
        ManagedFields m = new ManagedFields();
        for (ManagedFieldsEntry e : entries) {
            Manager key = new Manager(e.manager(), e.operation(), e.apiVersion(), e.subresource());
            m.sets.merge(key, FieldSet.fromFieldsV1(e.fieldsV1()), FieldSet::union);
            if (e.time() != null) {
                m.times.put(key, e.time());
            }
        }
        return m;
    }

    /** Every manager's fields together. */
    FieldSet union() {
        return sets.values().stream().reduce(new FieldSet(), FieldSet::union);
    }

    void dropEmpty() {
        sets.values().removeIf(FieldSet::isEmpty);
        times.keySet().retainAll(sets.keySet());
    }

    /** Whether both hold the same managers with the same fields (times aside). */
    boolean sameSets(ManagedFields other) {
        return sets.equals(other.sets);
    }

    ManagedFields copy() {
        ManagedFields m = new ManagedFields();
        m.sets.putAll(sets);
        m.times.putAll(times);
        return m;
    }

    /**
     * The entries, in Kubernetes' order: Apply before Update, then oldest first, then by manager
     * name, version and subresource.
     */
    List<ManagedFieldsEntry> encode() {
        List<ManagedFieldsEntry> out = new ArrayList<>();
        sets.forEach((k, set) -> out.add(new ManagedFieldsEntry(k.manager(), k.operation(), k.apiVersion(),
                times.get(k), ManagedFieldsEntry.FIELDS_V1, set.toFieldsV1(), k.subresource())));
        out.sort(Comparator.comparing(ManagedFieldsEntry::operation)
                .thenComparing(e -> e.time() == null ? Instant.EPOCH : e.time())
                .thenComparing(ManagedFieldsEntry::manager)
                .thenComparing(ManagedFieldsEntry::apiVersion)
                .thenComparing(e -> e.subresource() == null ? "" : e.subresource()));
        return out;
    }
}
