package kubelab.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kubelab.api.serialization.Json;
import kubelab.apiserver.apply.ListTypes.Shape;
import kubelab.apiserver.patch.PatchMeta;
import kubelab.apiserver.patch.PatchSchema;

/**
 * The four operations server-side apply needs on an object's JSON, guided by its Java type: the
 * set of fields a value sets, the comparison of two values (what was added, modified, removed),
 * the structured merge of an applied configuration into a live object, and the removal of fields
 * nobody owns any more. All four are one walk over two trees side by side, as in
 * structured-merge-diff; none changes its inputs.
 *
 * <p>Real Kubernetes: {@code sigs.k8s.io/structured-merge-diff/typed} ({@code TypedValue.ToFieldSet},
 * {@code Compare}, {@code Merge}, {@code RemoveItems}).
 */
public final class TypedValue {
    private TypedValue() {
    }

    /** What the walk reports: a scalar or atomic value, and a map field or list item present on one side only. */
    private interface Visitor {
        void leaf(List<PathElement> path, JsonNode lhs, JsonNode rhs);

        void node(List<PathElement> path, JsonNode lhs, JsonNode rhs);
    }

    /** What changed from one value to another. */
    public record Comparison(FieldSet added, FieldSet modified, FieldSet removed) {
        /** Everything the new value sets differently: added or modified. */
        public FieldSet changed() {
            return added.union(modified);
        }

        public boolean isSame() {
            return added.isEmpty() && modified.isEmpty() && removed.isEmpty();
        }
    }

    /**
     * The fields a (partial) value sets: every scalar, every atomic list or struct, every list item;
     * a struct or map is only a way to its fields, so an empty one sets nothing.
     */
    public static FieldSet toFieldSet(JsonNode value, Class<?> type) {
        FieldSet set = new FieldSet();
        walk(null, value, PatchSchema.of(type), PatchMeta.NONE, List.of(), new Visitor() {
            public void leaf(List<PathElement> path, JsonNode lhs, JsonNode rhs) {
                set.insert(path);
            }

            public void node(List<PathElement> path, JsonNode lhs, JsonNode rhs) {
                if (path.get(path.size() - 1).kind() != PathElement.Kind.FIELD) {
                    set.insert(path); // a list item is owned as such: ".": {} in FieldsV1
                }
            }
        });
        return set;
    }

    /** What {@code rhs} adds, modifies and removes compared with {@code lhs}. */
    public static Comparison compare(JsonNode lhs, JsonNode rhs, Class<?> type) {
        FieldSet added = new FieldSet();
        FieldSet modified = new FieldSet();
        FieldSet removed = new FieldSet();
        walk(lhs, rhs, PatchSchema.of(type), PatchMeta.NONE, List.of(), new Visitor() {
            public void leaf(List<PathElement> path, JsonNode l, JsonNode r) {
                if (l == null) {
                    added.insert(path);
                } else if (r == null) {
                    removed.insert(path);
                } else if (!sameValue(l, r)) {
                    modified.insert(path);
                }
            }

            public void node(List<PathElement> path, JsonNode l, JsonNode r) {
                if (l == null) {
                    added.insert(path);
                } else {
                    removed.insert(path);
                }
            }
        });
        return new Comparison(added, modified, removed);
    }

    /**
     * {@code config} merged into {@code live}: maps and structs field by field, associative lists
     * item by item (by key), sets by value, and everything else (scalars, atomic lists) replaced
     * by the configuration's value.
     */
    public static JsonNode merge(JsonNode live, JsonNode config, Class<?> type) {
        return walk(live, config, PatchSchema.of(type), PatchMeta.NONE, List.of(), new Visitor() {
            public void leaf(List<PathElement> path, JsonNode l, JsonNode r) {
            }

            public void node(List<PathElement> path, JsonNode l, JsonNode r) {
            }
        });
    }

    /**
     * {@code value} without the fields the applier owned last time ({@code lastApplied}) that
     * nobody owns now ({@code owned}, every manager's set with the applier's new one). A removed
     * list item goes whole, with any fields of it nobody ever owned (such as defaults).
     */
    public static JsonNode removeUnowned(JsonNode value, FieldSet lastApplied, FieldSet owned, Class<?> type) {
        JsonNode copy = value.deepCopy();
        prune(copy, lastApplied, owned, PatchSchema.of(type), PatchMeta.NONE);
        return copy;
    }

    // ---- the walk -------------------------------------------------------------------------------

    private static JsonNode walk(JsonNode l, JsonNode r, PatchSchema schema, PatchMeta meta,
                                 List<PathElement> path, Visitor v) {
        l = absentIfNull(l);
        r = absentIfNull(r);
        if (l == null && r == null) {
            return null;
        }
        Shape shape = ListTypes.shape(l, r, schema, meta);
        switch (shape) {
            case STRUCT, MAP -> {
                ObjectNode out = Json.mapper().createObjectNode();
                Set<String> names = new LinkedHashSet<>();
                if (l != null) {
                    l.fieldNames().forEachRemaining(names::add);
                }
                if (r != null) {
                    r.fieldNames().forEachRemaining(names::add);
                }
                for (String name : names) {
                    PatchSchema.Member m = schema.field(name);
                    JsonNode merged = child(l == null ? null : l.get(name), r == null ? null : r.get(name),
                            m.schema(), m.meta(), append(path, PathElement.field(name)), v);
                    if (merged != null) {
                        out.set(name, merged);
                    }
                }
                return out;
            }
            case ASSOCIATIVE, SET -> {
                List<String> keys = shape == Shape.ASSOCIATIVE ? ListTypes.keys(schema, meta) : null;
                Map<PathElement, JsonNode> left = items(l, keys);
                Map<PathElement, JsonNode> right = items(r, keys);
                Set<PathElement> all = new LinkedHashSet<>(left.keySet());
                all.addAll(right.keySet());
                ArrayNode out = Json.mapper().createArrayNode();
                for (PathElement pe : all) {
                    JsonNode merged = child(left.get(pe), right.get(pe), schema.element(), PatchMeta.NONE,
                            append(path, pe), v);
                    if (merged != null) {
                        out.add(merged);
                    }
                }
                return out;
            }
            default -> {
                v.leaf(path, l, r);
                return r != null ? r : l;
            }
        }
    }

    /** One map field or list item: walked, then reported if it is on one side only. */
    private static JsonNode child(JsonNode l, JsonNode r, PatchSchema schema, PatchMeta meta,
                                  List<PathElement> path, Visitor v) {
        JsonNode merged = walk(l, r, schema, meta, path, v);
        if ((absentIfNull(l) == null) != (absentIfNull(r) == null)) {
            v.node(path, absentIfNull(l), absentIfNull(r));
        }
        return merged;
    }

    /** A list's items by their path element: key fields for associative lists, the value for sets. */
    private static Map<PathElement, JsonNode> items(JsonNode list, List<String> keys) {
        Map<PathElement, JsonNode> items = new LinkedHashMap<>();
        if (list == null) {
            return items;
        }
        for (JsonNode item : list) {
            PathElement pe = keys == null ? PathElement.value(item) : ListTypes.keyOf(item, keys);
            if (items.put(pe, item) != null) {
                throw new ApplyException("duplicate entries for key " + pe);
            }
        }
        return items;
    }

    private static void prune(JsonNode node, FieldSet last, FieldSet owned, PatchSchema schema, PatchMeta meta) {
        Shape shape = ListTypes.shape(node, null, schema, meta);
        if (shape == Shape.STRUCT || shape == Shape.MAP) {
            ObjectNode object = (ObjectNode) node;
            for (String name : new ArrayList<>(iterable(object.fieldNames()))) {
                PathElement pe = PathElement.field(name);
                PatchSchema.Member m = schema.field(name);
                if (last.members().contains(pe) && !owned.members().contains(pe)) {
                    object.remove(name);
                } else if (last.hasChild(pe)) {
                    prune(object.get(name), last.child(pe), owned.child(pe), m.schema(), m.meta());
                }
            }
        } else if (shape == Shape.ASSOCIATIVE || shape == Shape.SET) {
            List<String> keys = shape == Shape.ASSOCIATIVE ? ListTypes.keys(schema, meta) : null;
            Iterator<JsonNode> it = node.iterator();
            while (it.hasNext()) {
                JsonNode item = it.next();
                PathElement pe = keys == null ? PathElement.value(item) : ListTypes.keyOf(item, keys);
                if (last.members().contains(pe) && !owned.members().contains(pe)) {
                    it.remove();
                } else if (last.hasChild(pe)) {
                    prune(item, last.child(pe), owned.child(pe), schema.element(), PatchMeta.NONE);
                }
            }
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Numbers compare by value: the same 3 may be read as an int from YAML and a long from a record. */
    private static final Comparator<JsonNode> NUMBERS = (a, b) -> {
        if (a.isNumber() && b.isNumber()) {
            return a.decimalValue().compareTo(b.decimalValue());
        }
        return a.equals(b) ? 0 : 1;
    };

    static boolean sameValue(JsonNode a, JsonNode b) {
        return a.equals(NUMBERS, b);
    }

    private static JsonNode absentIfNull(JsonNode n) {
        return n == null || n.isNull() || n.isMissingNode() ? null : n;
    }

    private static List<PathElement> append(List<PathElement> path, PathElement e) {
        List<PathElement> p = new ArrayList<>(path.size() + 1);
        p.addAll(path);
        p.add(e);
        return List.copyOf(p);
    }

    private static <E> List<E> iterable(Iterator<E> it) {
        List<E> out = new ArrayList<>();
        it.forEachRemaining(out::add);
        return out;
    }
}
