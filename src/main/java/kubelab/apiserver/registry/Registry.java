package kubelab.apiserver.registry;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import kubelab.api.ResourceType;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;
import kubelab.api.serialization.Json;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.DeleteResult;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.UserInfo;
import kubelab.apiserver.admission.AdmissionChain;
import kubelab.apiserver.admission.AdmissionRequest;
import kubelab.apiserver.admission.Operation;
import kubelab.apiserver.apply.FieldManager;
import kubelab.apiserver.cacher.Cacher;
import kubelab.store.KeyValue;
import kubelab.store.Store;
import kubelab.store.StoreException;
import kubelab.time.Clock;

/**
 * The one generic store behind every resource: create, get, update and delete, written once,
 * with a small {@link Strategy} per kind for what differs. Each write runs the same pipeline:
 * <ol>
 *   <li>read the stored object (update, delete) and check the caller's resourceVersion;</li>
 *   <li>apply defaults and set what the server owns (uid, timestamps, generation, status);</li>
 *   <li>mutating admission;</li>
 *   <li>validation: metadata, then the kind's own rules;</li>
 *   <li>validating admission;</li>
 *   <li>one compare-and-swap write to the store, or nothing at all.</li>
 * </ol>
 * The store's revision becomes the object's resourceVersion; it is never stored inside the value.
 *
 * <p>Real Kubernetes: {@code k8s.io/apiserver/pkg/registry/generic/registry.Store} with
 * {@code rest.BeforeCreate} / {@code BeforeUpdate} / {@code BeforeDelete}.
 */
public final class Registry<T extends KubeObject> {
    private final ResourceType type;
    private final Class<T> javaType;
    private final Strategy<T> strategy;
    private final Store store;
    private final Cacher<T> cacher;
    private final Clock clock;
    private final IdGenerator ids;
    private final Supplier<AdmissionChain> admission;
    private final Api api;
    private final FieldManager<T> fieldManager;

    public Registry(ResourceType type, Class<T> javaType, Strategy<T> strategy, Store store, Clock clock,
                    IdGenerator ids, Supplier<AdmissionChain> admission, Api api, int watchWindow) {
        this.type = type;
        this.javaType = javaType;
        this.strategy = strategy.forStore(store);
        this.store = store;
        this.clock = clock;
        this.ids = ids;
        this.admission = admission;
        this.api = api;
        this.cacher = new Cacher<>(Keys.prefix(type), this::decode, this::fields, strategy.indexedField(), watchWindow);
        this.cacher.start(store);
        this.fieldManager = new FieldManager<>(type, javaType, clock);
    }

    public ResourceType type() {
        return type;
    }

    public Strategy<T> strategy() {
        return strategy;
    }

    public Cacher<T> cacher() {
        return cacher;
    }

    /** Who owns which fields of this kind's objects: kept on every write, read by server-side apply. */
    public FieldManager<T> fieldManager() {
        return fieldManager;
    }

    // ---- encoding -------------------------------------------------------------------------------

    /** Stored bytes at a revision to an object carrying that revision as its resourceVersion. */
    T decode(byte[] bytes, long revision) {
        T object = Json.fromBytes(bytes, javaType);
        return withResourceVersion(object, revision);
    }

    /**
     * The object a store read found: the watch cache's copy when the cache holds that very
     * revision of the key (with the in-memory store, almost always), else decoded from the bytes.
     */
    private T read(KeyValue kv) {
        T cached = cacher.at(kv.key(), kv.modRevision());
        return cached != null ? cached : decode(kv.value(), kv.modRevision());
    }

    private byte[] encode(T object) {
        return Json.toBytes(object.withMetadata(object.metadata().withResourceVersion(null)));
    }

    @SuppressWarnings("unchecked")
    private T withMeta(T object, ObjectMeta meta) {
        return (T) object.withMetadata(meta);
    }

    private T withResourceVersion(T object, long revision) {
        return withMeta(object, object.metadata().withResourceVersion(Long.toString(revision)));
    }

    /** The selectable fields of an object: name and namespace, plus the kind's own. */
    public java.util.Map<String, String> fields(T object) {
        java.util.Map<String, String> f = new java.util.HashMap<>(strategy.selectableFields(object));
        f.put("metadata.name", nullToEmpty(object.metadata().name()));
        if (type.namespaced()) {
            f.put("metadata.namespace", nullToEmpty(object.metadata().namespace()));
        }
        return f;
    }

    /** The field names a field selector may use for this kind. */
    public Set<String> fieldLabels() {
        Set<String> labels = new LinkedHashSet<>(List.of("metadata.name"));
        if (type.namespaced()) {
            labels.add("metadata.namespace");
        }
        labels.addAll(strategy.fieldLabels());
        return labels;
    }

    /**
     * One page of a list with {@code limit}, read from the store at one revision, so that all pages
     * of a list show the same moment; see {@link Pager}.
     */
    public kubelab.apiserver.ObjectList<T> listPage(kubelab.apiserver.cacher.Filter filter,
                                                     kubelab.apiserver.ListOptions options) {
        return Pager.list(store, type, filter, options, this::decode, this::fields);
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }

    // ---- create ---------------------------------------------------------------------------------

    /** Creates an object, recorded as written by {@link FieldManager#UNKNOWN_MANAGER}. */
    public T create(T object, String namespace, boolean dryRun, UserInfo user) {
        return create(object, namespace, dryRun, user, FieldManager.UNKNOWN_MANAGER);
    }

    /**
     * Creates an object; see {@link Api#create}. {@code namespace} is already resolved. The
     * object's fields are recorded in its managed fields as {@code fieldManager}'s (operation
     * Update); with a null {@code fieldManager} the caller has set them (server-side apply).
     */
    public T create(T object, String namespace, boolean dryRun, UserInfo user, String fieldManager) {
        ObjectMeta meta = object.metadata() == null ? ObjectMeta.named(null) : object.metadata();
        meta = meta.withNamespace(type.namespaced() ? namespace : null);
        if (isEmpty(meta.name()) && !isEmpty(meta.generateName())) {
            meta = meta.withName(ids.generateName(meta.generateName()));
        }
        // tag::registry-create[]
        // 1. Defaults, then what the server owns: identity, timestamps, generation, a clean status.
        T obj = strategy.applyDefaults(withMeta(object, meta));
        meta = obj.metadata()
                .withUid(ids.newUid())
                .withCreationTimestamp(clock.now())
                .withResourceVersion(null)
                .withGeneration(strategy.hasGeneration() ? 1L : null)
                .withDeletionTimestamp(null)
                .withDeletionGracePeriodSeconds(null);
        obj = withMeta(obj, meta);
        if (type.hasStatus() && !strategy.keepsStatusOnCreate()) {
            obj = ObjectTrees.withStatusOf(obj, null, javaType);
        }
        obj = strategy.prepareForCreate(obj);
        // The writer owns every field it set (metadata.managedFields); an apply has set them itself.
        if (fieldManager != null) {
            obj = this.fieldManager.update(null, obj, fieldManager, "");
        }
        // 2. Mutating admission.
        obj = admit(Operation.CREATE, obj, null, dryRun, user);
        // 3. Validation.
        List<FieldError> errors = new ArrayList<>(MetadataValidation.validate(obj.metadata(), type, strategy.nameRule()));
        errors.addAll(strategy.validate(obj));
        throwIfInvalid(obj, errors);
        // 4. Validating admission.
        admission.get().validate(request(Operation.CREATE, obj, null, dryRun, user));
        if (dryRun) {
            return obj;
        }
        // 5. Store it, once.
        String key = Keys.key(type, obj.metadata().namespace(), obj.metadata().name());
        try {
            KeyValue kv = store.create(key, encode(obj));
            return withResourceVersion(obj, kv.modRevision());
        } catch (StoreException.KeyExists e) {
            throw ApiException.alreadyExists(type.group(), type.plural(), obj.metadata().name());
        }
        // end::registry-create[]
    }

    // ---- get ------------------------------------------------------------------------------------

    /** The stored object; see {@link Api#get}. */
    public T get(String namespace, String name) {
        KeyValue kv = store.get(Keys.key(type, namespace, name))
                .orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
        return read(kv);
    }

    // ---- update ---------------------------------------------------------------------------------

    /** Updates an object, recorded as written by {@link FieldManager#UNKNOWN_MANAGER}. */
    public T update(T object, String namespace, Part part, boolean dryRun, UserInfo user) {
        return update(object, namespace, part, dryRun, user, FieldManager.UNKNOWN_MANAGER);
    }

    /**
     * Updates an object; see {@link Api#update} and {@link Api#updateStatus}. The fields it
     * changes become {@code fieldManager}'s (operation Update, with the part's subresource); with
     * a null {@code fieldManager} the caller has set the managed fields (server-side apply).
     */
    public T update(T object, String namespace, Part part, boolean dryRun, UserInfo user, String fieldManager) {
        String name = object.metadata().name();
        String key = Keys.key(type, namespace, name);
        String expected = object.metadata().resourceVersion();
        if (isEmpty(expected) && !strategy.allowUnconditionalUpdate()) {
            throw ApiException.invalid(type.group(), type.kind(), name, List.of(FieldError.invalid(
                    "metadata.resourceVersion", "", "must be specified for an update")));
        }
        while (true) {
            KeyValue kv = store.get(key).orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
            T old = read(kv);
            if (!isEmpty(expected) && !expected.equals(old.metadata().resourceVersion())) {
                throw ApiException.conflict(type.group(), type.plural(), name, ApiException.MODIFIED);
            }
            T updated = prepareUpdate(object, old, part);
            if (fieldManager != null) {
                updated = this.fieldManager.update(old, updated, fieldManager, part.subresource());
            }
            updated = admit(Operation.UPDATE, updated, old, dryRun, user);
            List<FieldError> errors = new ArrayList<>(MetadataValidation.validateUpdate(
                    object.metadata(), updated.metadata(), old.metadata(), type, strategy.nameRule()));
            errors.addAll(strategy.validateUpdate(updated, old));
            throwIfInvalid(updated, errors);
            admission.get().validate(request(Operation.UPDATE, updated, old, dryRun, user));
            try {
                if (finalizationComplete(updated)) {
                    // The last finalizer went away from an object already being deleted: it goes now.
                    if (!dryRun) {
                        long deletedAt = store.delete(key, kv.modRevision()).revision();
                        return withResourceVersion(updated, deletedAt);
                    }
                    return updated;
                }
                byte[] bytes = encode(updated);
                if (Arrays.equals(bytes, kv.value())) {
                    return old; // Nothing changed: no write, no new resourceVersion.
                }
                if (dryRun) {
                    return updated;
                }
                KeyValue written = store.update(key, bytes, kv.modRevision());
                return withResourceVersion(updated, written.modRevision());
            } catch (StoreException.RevisionMismatch e) {
                if (!isEmpty(expected)) {
                    throw ApiException.conflict(type.group(), type.plural(), name, ApiException.MODIFIED);
                }
                // An unconditional update lost a race: read again and retry, as Kubernetes does.
            } catch (StoreException.KeyNotFound e) {
                throw ApiException.notFound(type.group(), type.plural(), name);
            }
        }
    }

    /**
     * Reads the stored object, applies {@code tryUpdate} and writes the result if nobody wrote in
     * between, re-reading and re-applying until that holds. For subresources whose own checks
     * replace the kind's update validation, such as a pod's binding; {@code tryUpdate} throws an
     * {@link ApiException} to refuse.
     */
    public T guaranteedUpdate(String namespace, String name, java.util.function.UnaryOperator<T> tryUpdate) {
        String key = Keys.key(type, namespace, name);
        while (true) {
            KeyValue kv = store.get(key).orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
            T updated = tryUpdate.apply(read(kv));
            try {
                KeyValue written = store.update(key, encode(updated), kv.modRevision());
                return withResourceVersion(updated, written.modRevision());
            } catch (StoreException.RevisionMismatch e) {
                // Someone wrote in between: read again and re-apply.
            } catch (StoreException.KeyNotFound e) {
                throw ApiException.notFound(type.group(), type.plural(), name);
            }
        }
    }

    /** The object an update would store, before admission and validation. */
    private T prepareUpdate(T object, T old, Part part) {
        ObjectMeta om = old.metadata();
        T updated;
        if (part == Part.STATUS) {
            // The status subresource writes status only; spec and metadata stay as stored, except
            // what the kind lets its controller record there (a Deployment's revision annotation).
            updated = strategy.prepareForStatusUpdate(object, ObjectTrees.withStatusOf(old, object, javaType));
        } else if (part == Part.FINALIZE) {
            updated = strategy.prepareForFinalize(object, old);
        } else {
            updated = strategy.applyDefaults(object);
            if (type.hasStatus()) {
                updated = ObjectTrees.withStatusOf(updated, old, javaType);
            }
            ObjectMeta nm = updated.metadata();
            Long generation = om.generation();
            if (strategy.hasGeneration() && ObjectTrees.specChanged(old, updated)) {
                generation = (generation == null ? 0 : generation) + 1;
            }
            // Fields the server owns keep their stored values, whatever the client sent.
            updated = withMeta(updated, nm.withNamespace(om.namespace()).withName(om.name())
                    .withUid(om.uid()).withCreationTimestamp(om.creationTimestamp())
                    .withDeletionTimestamp(om.deletionTimestamp())
                    .withDeletionGracePeriodSeconds(om.deletionGracePeriodSeconds())
                    .withGeneration(generation).withGenerateName(om.generateName()));
        }
        updated = withMeta(updated, updated.metadata().withResourceVersion(om.resourceVersion()));
        return part == Part.MAIN ? strategy.prepareForUpdate(updated, old) : updated;
    }

    private boolean finalizationComplete(T object) {
        ObjectMeta m = object.metadata();
        return m.deletionTimestamp() != null && m.finalizers().isEmpty()
                && Long.valueOf(0).equals(m.deletionGracePeriodSeconds()) && !strategy.awaitsFinalization(object);
    }

    // ---- delete ---------------------------------------------------------------------------------

    /** Deletes an object; see {@link Api#delete}. */
    public DeleteResult<T> delete(String namespace, String name, DeleteOptions options, UserInfo user) {
        String key = Keys.key(type, namespace, name);
        while (true) {
            KeyValue kv = store.get(key).orElseThrow(() -> ApiException.notFound(type.group(), type.plural(), name));
            T current = read(kv);
            Deletion.checkPreconditions(type, current.metadata(), options);
            admission.get().validate(request(Operation.DELETE, current, current, options.dryRun(), user));
            T next = beginDeletion(current, options);
            try {
                if (finalizationComplete(next)) {
                    if (options.dryRun()) {
                        return new DeleteResult<>(current, true);
                    }
                    long deletedAt = store.delete(key, kv.modRevision()).revision();
                    return new DeleteResult<>(withResourceVersion(current, deletedAt), true);
                }
                if (options.dryRun() || Arrays.equals(encode(next), kv.value())) {
                    return new DeleteResult<>(current, false);
                }
                KeyValue written = store.update(key, encode(next), kv.modRevision());
                return new DeleteResult<>(withResourceVersion(next, written.modRevision()), false);
            } catch (StoreException.RevisionMismatch e) {
                // Someone wrote in between: read again and decide again.
            } catch (StoreException.KeyNotFound e) {
                throw ApiException.notFound(type.group(), type.plural(), name);
            }
        }
    }

    /**
     * The object as a delete leaves it: with the propagation policy's finalizer, and, the first
     * time, a deletionTimestamp {@code grace} seconds ahead. A later delete may shorten the grace
     * period, never lengthen it.
     */
    private T beginDeletion(T current, DeleteOptions options) {
        ObjectMeta m = current.metadata();
        List<String> finalizers = Deletion.finalizersFor(options.propagationPolicy(), m.finalizers());
        long grace = strategy.gracePeriodSeconds(current, options);
        ObjectMeta next = m.withFinalizers(finalizers);
        if (m.deletionTimestamp() == null) {
            Instant now = clock.now();
            next = next.withDeletionTimestamp(now.plusSeconds(grace)).withDeletionGracePeriodSeconds(grace);
            if (m.generation() != null && m.generation() > 0) {
                next = next.withGeneration(m.generation() + 1);
            }
            return strategy.prepareForDelete(withMeta(current, next));
        }
        Long pending = m.deletionGracePeriodSeconds();
        if (pending == null || grace < pending) {
            next = next.withDeletionTimestamp(clock.now().plusSeconds(grace)).withDeletionGracePeriodSeconds(grace);
        }
        return withMeta(current, next);
    }

    // ---- helpers --------------------------------------------------------------------------------

    private T admit(Operation op, T object, T old, boolean dryRun, UserInfo user) {
        KubeObject admitted = admission.get().admit(request(op, object, old, dryRun, user));
        if (!javaType.isInstance(admitted)) {
            throw ApiException.internal("admission changed the kind of " + type.groupResource());
        }
        return javaType.cast(admitted);
    }

    private AdmissionRequest request(Operation op, T object, T old, boolean dryRun, UserInfo user) {
        ObjectMeta m = object.metadata();
        return new AdmissionRequest(op, type, null, m.namespace(), m.name(), object, old, user, dryRun, api);
    }

    private void throwIfInvalid(T object, List<FieldError> errors) {
        if (!errors.isEmpty()) {
            String name = object.metadata().name();
            throw ApiException.invalid(type.group(), type.kind(), name == null ? "" : name, errors);
        }
    }

    private static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
