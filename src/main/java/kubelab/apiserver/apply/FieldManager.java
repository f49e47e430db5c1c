package kubelab.apiserver.apply;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ManagedFieldsEntry;
import kubelab.api.serialization.Json;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.apply.ManagedFields.Manager;
import kubelab.apiserver.apply.TypedValue.Comparison;
import kubelab.time.Clock;

/**
 * Keeps {@code metadata.managedFields} of one kind: who set which field. An update gives its
 * writer every field it changed (and takes them from everyone else); an apply merges the
 * applier's configuration into the live object, refuses with a conflict when it would change a
 * field someone else owns (unless forced), and removes the fields the applier set before and no
 * longer sets, if nobody else owns them.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/endpoints/handlers/fieldmanager} over
 * {@code sigs.k8s.io/structured-merge-diff/merge.Updater} ({@code Update} and {@code Apply}).
 *
 * @param <T> the kind
 */
public final class FieldManager<T extends KubeObject> {
    /**
     * The manager of a write that names none. Kubernetes takes the user agent up to its first
     * {@code /} ({@code kubectl}, {@code kube-controller-manager}); in-process callers have no
     * user agent, so their writes are recorded under this name.
     */
    public static final String UNKNOWN_MANAGER = "unknown";
    /** Kubernetes' limit on a manager's name. */
    public static final int MAX_MANAGER_LENGTH = 128;
    /** Who owns the fields of an object that had no managed fields when it was first applied. */
    public static final String BEFORE_FIRST_APPLY = "before-first-apply";
    public static final String STATUS = "status";
    /** How many Update entries an object keeps; older ones are merged into {@link #ANCIENT_CHANGES}. */
    public static final int MAX_UPDATE_MANAGERS = 10;
    public static final String ANCIENT_CHANGES = "ancient-changes";

    /** Fields no manager owns: identity and what the server sets ({@code stripMeta} in Kubernetes). */
    private static final FieldSet SERVER_FIELDS = FieldSet.of(List.of(
            List.of(PathElement.field("apiVersion")), List.of(PathElement.field("kind")),
            meta("name"), meta("namespace"), meta("uid"), meta("resourceVersion"), meta("generation"),
            meta("creationTimestamp"), meta("selfLink"), meta("managedFields")));
    private static final FieldSet STATUS_FIELD = FieldSet.of(List.of(List.of(PathElement.field("status"))));

    private final ResourceType type;
    private final Class<T> javaType;
    private final Clock clock;

    public FieldManager(ResourceType type, Class<T> javaType, Clock clock) {
        this.type = type;
        this.javaType = javaType;
        this.clock = clock;
    }

    private static List<PathElement> meta(String field) {
        return List.of(PathElement.field("metadata"), PathElement.field(field));
    }

    /**
     * The manager for a request: its {@code fieldManager}, else the user agent up to its first
     * {@code /} and at most 128 characters, else {@link #UNKNOWN_MANAGER}.
     */
    public static String managerOrUserAgent(String fieldManager, String userAgent) {
        if (fieldManager != null && !fieldManager.isEmpty()) {
            return fieldManager;
        }
        if (userAgent == null || userAgent.isEmpty()) {
            return UNKNOWN_MANAGER;
        }
        String prefix = userAgent.split("/", 2)[0];
        return prefix.length() > MAX_MANAGER_LENGTH ? prefix.substring(0, MAX_MANAGER_LENGTH) : prefix;
    }

    /**
     * What is wrong with a {@code fieldManager} option: more than 128 characters, or a character
     * that does not print. Empty means fine (no manager is allowed, except for apply).
     */
    public static List<FieldError> validateName(String fieldManager) {
        List<FieldError> errors = new ArrayList<>();
        if (fieldManager == null) {
            return errors;
        }
        if (fieldManager.length() > MAX_MANAGER_LENGTH) {
            errors.add(FieldError.tooLong("fieldManager", fieldManager, MAX_MANAGER_LENGTH));
        }
        int position = 0;
        for (int cp : fieldManager.codePoints().toArray()) {
            if (!printable(cp)) {
                errors.add(FieldError.invalid("fieldManager", fieldManager,
                        String.format("invalid character U+%04X (at position %d)", cp, position)));
            }
            position += Character.charCount(cp);
        }
        return errors;
    }

    /** Refuses a bad {@code fieldManager} as Kubernetes does: 422 on {@code CreateOptions} and the like. */
    public static void checkName(String optionsKind, String fieldManager) {
        List<FieldError> errors = validateName(fieldManager);
        if (!errors.isEmpty()) {
            throw ApiException.invalid("meta.k8s.io", optionsKind, "", errors);
        }
    }

    /** Go's unicode.IsPrint: letters, marks, numbers, punctuation, symbols and the ASCII space. */
    private static boolean printable(int cp) {
        if (cp == ' ') {
            return true;
        }
        return switch (Character.getType(cp)) {
            case Character.UPPERCASE_LETTER, Character.LOWERCASE_LETTER, Character.TITLECASE_LETTER,
                 Character.MODIFIER_LETTER, Character.OTHER_LETTER, Character.NON_SPACING_MARK,
                 Character.ENCLOSING_MARK, Character.COMBINING_SPACING_MARK, Character.DECIMAL_DIGIT_NUMBER,
                 Character.LETTER_NUMBER, Character.OTHER_NUMBER, Character.CONNECTOR_PUNCTUATION,
                 Character.DASH_PUNCTUATION, Character.START_PUNCTUATION, Character.END_PUNCTUATION,
                 Character.INITIAL_QUOTE_PUNCTUATION, Character.FINAL_QUOTE_PUNCTUATION,
                 Character.OTHER_PUNCTUATION, Character.MATH_SYMBOL, Character.CURRENCY_SYMBOL,
                 Character.MODIFIER_SYMBOL, Character.OTHER_SYMBOL -> true;
            default -> false;
        };
    }

    // ---- update ---------------------------------------------------------------------------------

    /**
     * {@code updated} with its managed fields after {@code manager} wrote it over {@code live}
     * (null for a create) through {@code subresource} ({@code ""} or {@code "status"}). The base is
     * the managed fields {@code updated} carries, or {@code live}'s if it carries none or the write
     * is through a subresource. If the object does not fit its type's merge rules the managed
     * fields are dropped, as Kubernetes does, rather than failing the write.
     */
    public T update(T live, T updated, String manager, String subresource) {
        // A client may rewrite managed fields with an update (managedFields: [{}] resets them); one
        // that sends none keeps them, and a subresource cannot change them.
        List<ManagedFieldsEntry> base = updated.metadata().managedFields();
        boolean subresourceWrite = subresource != null && !subresource.isEmpty();
        if ((base.isEmpty() || subresourceWrite) && live != null) {
            base = live.metadata().managedFields();
        }
        try {
            ManagedFields managed = ManagedFields.decode(base);
            Comparison c = filtered(TypedValue.compare(tree(live), tree(updated), javaType), ignored(subresource));
            FieldSet changed = c.changed();
            for (Map.Entry<Manager, FieldSet> e : managed.sets.entrySet()) {
                e.setValue(e.getValue().difference(changed).difference(c.removed()));
            }
            FieldSet mine = changed.difference(c.removed());
            if (!mine.isEmpty()) {
                Manager me = new Manager(manager, ManagedFieldsEntry.UPDATE, type.apiVersion(), subresource);
                managed.sets.merge(me, mine, FieldSet::union);
                managed.times.put(me, clock.now());
            }
            managed.dropEmpty();
            capUpdateManagers(managed);
            return withManagedFields(updated, managed.encode());
        } catch (ApplyException | IllegalArgumentException e) {
            return withManagedFields(updated, List.of());
        }
    }

    // ---- apply ----------------------------------------------------------------------------------

    /**
     * The object after {@code manager} applies {@code config} (a partial object, already checked
     * to name this kind and object) to {@code live} (null if absent), with its managed fields.
     * Returns {@code live} itself when the apply changes nothing, not even ownership.
     *
     * @throws ApiException 409 Conflict naming each field another manager owns and the apply
     *                      would change, unless {@code force}; 400 if the configuration does
     *                      not fit the type (a list item without its key)
     */
    public T apply(T live, JsonNode config, String manager, boolean force) {
        try {
            return doApply(live, config, manager, force);
        } catch (ApplyException e) {
            throw ApiException.badRequest("failed to create typed patch object (" + type.groupResource()
                    + "): " + e.getMessage());
        }
    }

    private T doApply(T live, JsonNode config, String manager, boolean force) {
        ManagedFields before = ManagedFields.decode(live == null ? List.of() : live.metadata().managedFields());
        JsonNode liveTree = tree(live);
        if (live != null && before.sets.isEmpty()) {
            // An object nobody has claimed yet: what it has belongs to whoever wrote it before.
            FieldSet existing = ignore(TypedValue.toFieldSet(liveTree, javaType), "");
            before.sets.put(new Manager(BEFORE_FIRST_APPLY, ManagedFieldsEntry.UPDATE, type.apiVersion(), ""), existing);
        }
        ManagedFields managed = before.copy();
        Manager me = new Manager(manager, ManagedFieldsEntry.APPLY, type.apiVersion(), "");
        ObjectNode cfg = (ObjectNode) config.deepCopy();
        if (type.hasStatus()) {
            cfg.remove("status"); // reset by the main resource's strategy: applied through status only
        }
        // 1. The applier now owns exactly what its configuration sets.
        FieldSet applied = ignore(TypedValue.toFieldSet(cfg, javaType), "");
        FieldSet lastApplied = managed.sets.getOrDefault(me, new FieldSet());
        managed.sets.put(me, applied);
        // 2. Merge the configuration into the live object, then drop what it stopped setting.
        JsonNode merged = TypedValue.merge(liveTree, cfg, javaType);
        if (!lastApplied.isEmpty()) {
            merged = TypedValue.removeUnowned(merged, lastApplied, managed.union(), javaType);
        }
        T object = Json.fromTree(merged, javaType);
        // 3. Conflicts: fields of others whose value the apply changes.
        Comparison c = filtered(TypedValue.compare(liveTree, tree(object), javaType), ignored(""));
        FieldSet changed = c.changed();
        List<Conflict> conflicts = new ArrayList<>();
        for (Map.Entry<Manager, FieldSet> e : managed.sets.entrySet()) {
            if (!e.getKey().equals(me)) {
                e.getValue().intersection(changed).paths().forEach(p -> conflicts.add(new Conflict(e.getKey(), p)));
            }
        }
        if (!conflicts.isEmpty() && !force) {
            throw Conflict.error(conflicts);
        }
        // 4. Forced or not, the others no longer own what changed or went away.
        for (Map.Entry<Manager, FieldSet> e : managed.sets.entrySet()) {
            if (!e.getKey().equals(me)) {
                e.setValue(e.getValue().difference(changed).difference(c.removed()));
            }
        }
        managed.dropEmpty();
        if (live != null && c.isSame() && managed.sameSets(before)) {
            return live;
        }
        managed.times.put(me, clock.now());
        capUpdateManagers(managed);
        return withManagedFields(object, managed.encode());
    }

    /**
     * Keeps at most {@link #MAX_UPDATE_MANAGERS} Update entries, so that an object written by
     * ever-new managers does not grow without end: the oldest are merged into one
     * {@code ancient-changes} entry, which keeps their fields and the newest of their times.
     */
    private void capUpdateManagers(ManagedFields managed) {
        if (managed.sets.size() <= MAX_UPDATE_MANAGERS) {
            return;   // the usual case: too few managers of any kind to need merging
        }
        List<Manager> updaters = managed.sets.keySet().stream()
                .filter(k -> ManagedFieldsEntry.UPDATE.equals(k.operation()))
                .sorted(java.util.Comparator.comparing((Manager k) -> managed.times.getOrDefault(k, java.time.Instant.EPOCH))
                        .thenComparing(Manager::toString))
                .toList();
        if (updaters.size() <= MAX_UPDATE_MANAGERS) {
            return;
        }
        Manager bucket = new Manager(ANCIENT_CHANGES, ManagedFieldsEntry.UPDATE, type.apiVersion(), "");
        FieldSet merged = managed.sets.getOrDefault(bucket, new FieldSet());
        java.time.Instant newest = managed.times.get(bucket);
        for (Manager oldest : updaters.subList(0, updaters.size() - MAX_UPDATE_MANAGERS + 1)) {
            merged = merged.union(managed.sets.remove(oldest));
            java.time.Instant t = managed.times.remove(oldest);
            newest = newest == null || t != null && t.isAfter(newest) ? t : newest;
        }
        managed.sets.put(bucket, merged);
        if (newest != null) {
            managed.times.put(bucket, newest);
        }
    }

    // ---- helpers --------------------------------------------------------------------------------

    /** Fields a write through this subresource does not own: status through the main resource. */
    private FieldSet ignored(String subresource) {
        return type.hasStatus() && (subresource == null || subresource.isEmpty())
                ? SERVER_FIELDS.union(STATUS_FIELD) : SERVER_FIELDS;
    }

    private FieldSet ignore(FieldSet set, String subresource) {
        return set.recursiveDifference(ignored(subresource));
    }

    private static Comparison filtered(Comparison c, FieldSet ignored) {
        return new Comparison(c.added().recursiveDifference(ignored), c.modified().recursiveDifference(ignored),
                c.removed().recursiveDifference(ignored));
    }

    /**
     * The object's JSON without managed fields; an absent object is one with empty metadata, spec
     * and status, as Go's zero value of a kind has them, so creating sets the fields inside them.
     */
    private JsonNode tree(T object) {
        if (object == null) {
            ObjectNode empty = Json.mapper().createObjectNode();
            empty.putObject("metadata");
            empty.putObject("spec");
            empty.putObject("status");
            return empty;
        }
        ObjectNode tree = (ObjectNode) Json.toTree(object);
        JsonNode meta = tree.get("metadata");
        if (meta instanceof ObjectNode m) {
            m.remove("managedFields");
        }
        return tree;
    }

    @SuppressWarnings("unchecked")
    private T withManagedFields(T object, List<ManagedFieldsEntry> entries) {
        return (T) object.withMetadata(object.metadata().withManagedFields(entries));
    }
}
