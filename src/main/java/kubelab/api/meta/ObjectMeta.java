package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The metadata every persisted object carries: identity (name, namespace, uid), the
 * optimistic-concurrency token ({@code resourceVersion}), the spec {@code generation}, life-cycle
 * timestamps, labels and annotations, ownership and finalizers.
 *
 * <p>Collections are never null: an absent map or list reads as empty, and empty ones are left out
 * of JSON. Fields the server sets ({@code uid}, {@code resourceVersion}, {@code generation},
 * {@code creationTimestamp}) are null until the object has been created.
 *
 * <p>Real Kubernetes: {@code k8s.io/apimachinery/pkg/apis/meta/v1.ObjectMeta}.
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ObjectMeta(
        String name,
        String generateName,
        String namespace,
        String uid,
        String resourceVersion,
        Long generation,
        Instant creationTimestamp,
        Instant deletionTimestamp,
        Long deletionGracePeriodSeconds,
        Map<String, String> labels,
        Map<String, String> annotations,
        @PatchStrategy(value = "merge", mergeKey = "uid") List<OwnerReference> ownerReferences,
        @PatchStrategy("merge") List<String> finalizers,
        List<ManagedFieldsEntry> managedFields) {

    public ObjectMeta {
        managedFields = managedFields == null ? List.of() : List.copyOf(managedFields);
        labels = labels == null ? Map.of() : unmodifiable(labels);
        annotations = annotations == null ? Map.of() : unmodifiable(annotations);
        ownerReferences = ownerReferences == null ? List.of() : List.copyOf(ownerReferences);
        finalizers = finalizers == null ? List.of() : List.copyOf(finalizers);
    }

    /** The metadata of objects written before managed fields were tracked: no {@code managedFields}. */
    public ObjectMeta(String name, String generateName, String namespace, String uid, String resourceVersion,
                      Long generation, Instant creationTimestamp, Instant deletionTimestamp,
                      Long deletionGracePeriodSeconds, Map<String, String> labels, Map<String, String> annotations,
                      List<OwnerReference> ownerReferences, List<String> finalizers) {
        this(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp, deletionTimestamp,
                deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, null);
    }

    /** Keeps insertion order, so labels print in the order the manifest gave them. */
    private static Map<String, String> unmodifiable(Map<String, String> map) {
        return java.util.Collections.unmodifiableMap(new LinkedHashMap<>(map));
    }

    /** Metadata with only a name, for cluster-scoped objects. */
    public static ObjectMeta named(String name) {
        return new ObjectMeta(name, null, null, null, null, null, null, null, null, null, null, null, null);
    }

    /** Metadata with a namespace and a name. */
    public static ObjectMeta of(String namespace, String name) {
        return named(name).withNamespace(namespace);
    }

    public ObjectMeta withName(String v) {
        return new ObjectMeta(v, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withGenerateName(String v) {
        return new ObjectMeta(name, v, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withNamespace(String v) {
        return new ObjectMeta(name, generateName, v, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withUid(String v) {
        return new ObjectMeta(name, generateName, namespace, v, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withResourceVersion(String v) {
        return new ObjectMeta(name, generateName, namespace, uid, v, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withGeneration(Long v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, v, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withCreationTimestamp(Instant v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, v,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withDeletionTimestamp(Instant v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                v, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withDeletionGracePeriodSeconds(Long v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, v, labels, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withLabels(Map<String, String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, v, annotations, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withAnnotations(Map<String, String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, v, ownerReferences, finalizers, managedFields);
    }

    public ObjectMeta withOwnerReferences(List<OwnerReference> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, v, finalizers, managedFields);
    }

    public ObjectMeta withFinalizers(List<String> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, v, managedFields);
    }

    public ObjectMeta withManagedFields(List<ManagedFieldsEntry> v) {
        return new ObjectMeta(name, generateName, namespace, uid, resourceVersion, generation, creationTimestamp,
                deletionTimestamp, deletionGracePeriodSeconds, labels, annotations, ownerReferences, finalizers, v);
    }

    /** A copy with one more label. */
    public ObjectMeta withLabel(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(labels);
        m.put(key, value);
        return withLabels(m);
    }

    /** A copy with one more annotation. */
    public ObjectMeta withAnnotation(String key, String value) {
        Map<String, String> m = new LinkedHashMap<>(annotations);
        m.put(key, value);
        return withAnnotations(m);
    }

    /** True once deletion has been requested and the object waits for its finalizers or grace period. */
    @com.fasterxml.jackson.annotation.JsonIgnore // not a field: Jackson would print "beingDeleted: false"
    public boolean isBeingDeleted() {
        return deletionTimestamp != null;
    }

    /** The owner reference marked {@code controller: true}, or null. */
    public OwnerReference controllerRef() {
        for (OwnerReference ref : ownerReferences) {
            if (Boolean.TRUE.equals(ref.controller())) {
                return ref;
            }
        }
        return null;
    }
}
