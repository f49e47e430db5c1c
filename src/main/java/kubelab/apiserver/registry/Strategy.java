package kubelab.apiserver.registry;

import java.util.List;
import java.util.Map;
import kubelab.api.meta.KubeObject;
import kubelab.apiserver.DeleteOptions;
import kubelab.apiserver.FieldError;

/**
 * What is special about one kind; the {@link Registry} does everything else. A strategy says how
 * names are checked, which defaults apply, what the server sets on create, what validation
 * demands, which fields a field selector can use, and how deletion proceeds. Most kinds need only
 * a few of these hooks.
 *
 * <p>Real Kubernetes: {@code rest.RESTCreateStrategy}, {@code RESTUpdateStrategy} and
 * {@code RESTDeleteStrategy}, e.g. {@code pkg/registry/core/pod/strategy.go}.
 */
public interface Strategy<T extends KubeObject> {

    /** How object names of this kind are checked. */
    enum NameRule {
        /** DNS-1123 subdomain: lower case, digits, '-' and '.', at most 253 characters. Most kinds. */
        DNS1123_SUBDOMAIN,
        /** DNS-1123 label: lower case, digits and '-', at most 63 characters (Namespace, StatefulSet). */
        DNS1123_LABEL,
        /** DNS-1035 label: a DNS-1123 label that starts with a letter (Service: its name is a DNS name). */
        DNS1035_LABEL,
        /** Any name usable as a URL path segment: not "." or "..", no "/" or "%" (RBAC kinds). */
        PATH_SEGMENT
    }

    /**
     * The strategy the registry over {@code store} uses. Most strategies keep nothing per server
     * and return themselves; the Service strategy returns one whose allocators read that store's
     * Services, so two API servers in one process never share an allocation.
     */
    default Strategy<T> forStore(kubelab.store.Store store) {
        return this;
    }

    default NameRule nameRule() {
        return NameRule.DNS1123_SUBDOMAIN;
    }

    /** Fills unset fields with their defaults, e.g. a container's imagePullPolicy. */
    default T applyDefaults(T object) {
        return object;
    }

    /**
     * True if a create keeps the status the client sent. Almost every kind starts with an empty
     * status; a Node does not, because the kubelet registers its node with capacity, addresses
     * and conditions in one request.
     */
    default boolean keepsStatusOnCreate() {
        return false;
    }

    /**
     * Sets what the server owns on create. The registry has already cleared status (unless
     * {@link #keepsStatusOnCreate}); a pod's strategy sets {@code status.phase: Pending} here.
     */
    default T prepareForCreate(T object) {
        return object;
    }

    /**
     * Adjusts an update before validation. The registry has already restored the stored status (on
     * the main resource) or the stored spec and metadata (on the status subresource).
     */
    default T prepareForUpdate(T object, T old) {
        return object;
    }

    /**
     * Adjusts a status update: {@code merged} is the stored object with the requested status. Most
     * kinds keep it as it is (Kubernetes' {@code ResetObjectMetaForStatus}); a Deployment also takes
     * the request's annotations, because its controller records {@code deployment.kubernetes.io/revision}
     * through the status subresource.
     */
    default T prepareForStatusUpdate(T requested, T merged) {
        return merged;
    }

    /** Checks a new object. Metadata (name, labels, annotations) is checked by the registry. */
    default List<FieldError> validate(T object) {
        return List.of();
    }

    /** Checks an update: immutable fields, then the same rules as create. */
    default List<FieldError> validateUpdate(T object, T old) {
        return validate(object);
    }

    /**
     * True if an update without a resourceVersion may overwrite whatever is stored. Most kinds
     * allow it; the caller then accepts last-writer-wins.
     */
    default boolean allowUnconditionalUpdate() {
        return true;
    }

    /** True if a spec change bumps {@code metadata.generation} (kinds with a spec a controller acts on). */
    default boolean hasGeneration() {
        return false;
    }

    /**
     * Fields a field selector can use besides {@code metadata.name} and {@code metadata.namespace},
     * e.g. {@code spec.nodeName} and {@code status.phase} for pods.
     */
    default Map<String, String> selectableFields(T object) {
        return Map.of();
    }

    /** The names {@link #selectableFields} returns, for rejecting unsupported field selectors. */
    default java.util.Set<String> fieldLabels() {
        return java.util.Set.of();
    }

    /**
     * The one selectable field whose exact-match watches are routed by index, or null. For pods it
     * is {@code spec.nodeName}: each kubelet's watch gets only its own pods' events.
     */
    default String indexedField() {
        return null;
    }

    /** Seconds the object may take to go away after a delete (pods: their grace period); 0 for at once. */
    default long gracePeriodSeconds(T object, DeleteOptions options) {
        return 0;
    }

    /**
     * Marks an object whose deletion has begun, e.g. a Namespace's {@code status.phase: Terminating}.
     */
    default T prepareForDelete(T object) {
        return object;
    }

    /**
     * The {@code finalize} subresource (Namespaces): the stored object with the finalizers the
     * request leaves. Other kinds have no such subresource.
     */
    default T prepareForFinalize(T requested, T old) {
        throw new UnsupportedOperationException("no finalize subresource");
    }

    /**
     * True while the kind's own finalization is not done, besides {@code metadata.finalizers}: a
     * Namespace waits for {@code spec.finalizers}.
     */
    default boolean awaitsFinalization(T object) {
        return false;
    }
}
