package kubelab.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import kubelab.api.serialization.Json;

/**
 * A set of paths into an object, kept as a trie: at each level, the elements that are themselves
 * in the set ({@code members}) and the elements that lead further down ({@code children}). A path
 * can be both, as an owned list item whose fields are owned too; {@code FieldsV1} writes that as
 * {@code ".": {}} inside the item.
 *
 * <p>Set operations return new sets and never change their operands; {@link #insert} is for
 * building one. Not thread-safe while being built.
 *
 * <p>Real Kubernetes: {@code sigs.k8s.io/structured-merge-diff/fieldpath.Set} and its
 * {@code FieldsV1} serialization in {@code fieldpath/serialize.go}.
 */
public final class FieldSet {
    private final TreeSet<PathElement> members = new TreeSet<>();
    private final TreeMap<PathElement, FieldSet> children = new TreeMap<>();

    public FieldSet() {
    }

    /** A set of these paths. */
    public static FieldSet of(List<List<PathElement>> paths) {
        FieldSet s = new FieldSet();
        paths.forEach(s::insert);
        return s;
    }

    /** Adds one path (a non-empty list of elements); returns this set. */
    public FieldSet insert(List<PathElement> path) {
        if (path.isEmpty()) {
            return this;
        }
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.computeIfAbsent(path.get(i), k -> new FieldSet());
        }
        node.members.add(path.get(path.size() - 1));
        return this;
    }

    /** Whether this path is in the set. */
    public boolean has(List<PathElement> path) {
        FieldSet node = this;
        for (int i = 0; i < path.size() - 1; i++) {
            node = node.children.get(path.get(i));
            if (node == null) {
                return false;
            }
        }
        return !path.isEmpty() && node.members.contains(path.get(path.size() - 1));
    }

    public boolean isEmpty() {
        return members.isEmpty() && children.values().stream().allMatch(FieldSet::isEmpty);
    }

    /** The elements in the set at this level. */
    public java.util.SortedSet<PathElement> members() {
        return java.util.Collections.unmodifiableSortedSet(members);
    }

    /** The set below one element, or an empty set. */
    public FieldSet child(PathElement e) {
        FieldSet c = children.get(e);
        return c == null ? new FieldSet() : c;
    }

    public boolean hasChild(PathElement e) {
        FieldSet c = children.get(e);
        return c != null && !c.isEmpty();
    }

    /** Paths in either set. */
    public FieldSet union(FieldSet other) {
        FieldSet out = copy();
        out.members.addAll(other.members);
        other.children.forEach((e, c) -> out.children.merge(e, c.copy(), FieldSet::union));
        return out.pruned();
    }

    /** Paths in both sets. */
    public FieldSet intersection(FieldSet other) {
        FieldSet out = new FieldSet();
        members.stream().filter(other.members::contains).forEach(out.members::add);
        children.forEach((e, c) -> {
            FieldSet o = other.children.get(e);
            if (o != null) {
                out.children.put(e, c.intersection(o));
            }
        });
        return out.pruned();
    }

    /** Paths in this set and not in {@code other}; a member of {@code other} does not remove children. */
    public FieldSet difference(FieldSet other) {
        FieldSet out = new FieldSet();
        members.stream().filter(m -> !other.members.contains(m)).forEach(out.members::add);
        children.forEach((e, c) -> {
            FieldSet o = other.children.get(e);
            out.children.put(e, o == null ? c.copy() : c.difference(o));
        });
        return out.pruned();
    }

    /** Like {@link #difference}, but a member of {@code other} also removes everything below it. */
    public FieldSet recursiveDifference(FieldSet other) {
        FieldSet out = new FieldSet();
        members.stream().filter(m -> !other.members.contains(m)).forEach(out.members::add);
        children.forEach((e, c) -> {
            if (other.members.contains(e)) {
                return;
            }
            FieldSet o = other.children.get(e);
            out.children.put(e, o == null ? c.copy() : c.recursiveDifference(o));
        });
        return out.pruned();
    }

    /** Every path in the set: the members of a level, then the levels below, in element order. */
    public List<List<PathElement>> paths() {
        List<List<PathElement>> out = new ArrayList<>();
        forEachPath(new ArrayList<>(), out::add);
        return out;
    }

    private void forEachPath(List<PathElement> prefix, Consumer<List<PathElement>> f) {
        for (PathElement m : members) {
            List<PathElement> p = new ArrayList<>(prefix);
            p.add(m);
            f.accept(List.copyOf(p));
        }
        children.forEach((e, c) -> {
            List<PathElement> p = new ArrayList<>(prefix);
            p.add(e);
            c.forEachPath(p, f);
        });
    }

    /** A path as conflict messages print it: {@code .spec.containers[name="nginx"].image}. */
    public static String pathString(List<PathElement> path) {
        StringBuilder b = new StringBuilder();
        path.forEach(b::append);
        return b.toString();
    }

    // ---- FieldsV1 -------------------------------------------------------------------------------

    /** The set as {@code FieldsV1} JSON: {@code {"f:spec":{"f:replicas":{}}}}. */
    public ObjectNode toFieldsV1() {
        ObjectNode node = Json.mapper().createObjectNode();
        TreeSet<PathElement> all = new TreeSet<>(members);
        children.forEach((e, c) -> {
            if (!c.isEmpty()) {
                all.add(e);
            }
        });
        for (PathElement e : all) {
            FieldSet c = children.get(e);
            ObjectNode value = c == null || c.isEmpty() ? Json.mapper().createObjectNode() : c.toFieldsV1();
            if (members.contains(e) && c != null && !c.isEmpty()) {
                // Both a member and a prefix: "." marks the element itself, and comes first.
                ObjectNode withDot = Json.mapper().createObjectNode();
                withDot.set(".", Json.mapper().createObjectNode());
                withDot.setAll(value);
                value = withDot;
            }
            node.set(e.toFieldsV1Key(), value);
        }
        return node;
    }

    /** Reads {@code FieldsV1} JSON. */
    public static FieldSet fromFieldsV1(JsonNode json) {
        FieldSet s = new FieldSet();
        if (json == null || !json.isObject()) {
            return s;
        }
        Iterator<Map.Entry<String, JsonNode>> it = json.fields();
        while (it.hasNext()) {
            Map.Entry<String, JsonNode> entry = it.next();
            if (entry.getKey().equals(".")) {
                continue; // read by the parent
            }
            PathElement e = PathElement.fromFieldsV1Key(entry.getKey());
            JsonNode value = entry.getValue();
            if (value.size() == 0 || value.has(".")) {
                s.members.add(e);
            }
            FieldSet c = fromFieldsV1(value);
            if (!c.isEmpty()) {
                s.children.put(e, c);
            }
        }
        return s;
    }

    // ---- helpers --------------------------------------------------------------------------------

    private FieldSet copy() {
        FieldSet out = new FieldSet();
        out.members.addAll(members);
        children.forEach((e, c) -> out.children.put(e, c.copy()));
        return out;
    }

    /** Drops empty children, so that equal sets have equal tries. */
    private FieldSet pruned() {
        children.values().removeIf(FieldSet::isEmpty);
        return this;
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof FieldSet f && toFieldsV1().equals(f.toFieldsV1());
    }

    @Override
    public int hashCode() {
        return Objects.hash(toFieldsV1());
    }

    /** The set as {@code FieldsV1} JSON text. */
    @Override
    public String toString() {
        return Json.toJson(toFieldsV1());
    }
}
