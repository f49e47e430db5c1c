package kubelab.api.meta;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * One writer's claim on an object's fields: which manager, by which operation ({@code Apply} or
 * {@code Update}), through which subresource, and the set of fields as a {@code FieldsV1} trie
 * ({@code {"f:spec":{"f:replicas":{}}}}). The API server keeps these up to date on every write;
 * server-side apply reads them to find conflicts.
 *
 * <p>Real Kubernetes: {@code metav1.ManagedFieldsEntry}.
 *
 * @param manager     the field manager's name, e.g. {@code kubectl} or {@code kube-controller-manager}
 * @param operation   {@link #APPLY} or {@link #UPDATE}
 * @param apiVersion  the version the field set is written in, e.g. {@code apps/v1}
 * @param time        when the manager last changed the object (whole seconds, as metav1.Time)
 * @param fieldsType  always {@code FieldsV1}
 * @param fieldsV1    the field set, as the trie JSON structured-merge-diff writes
 * @param subresource empty for the main resource, {@code status} for the status subresource
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record ManagedFieldsEntry(
        String manager,
        String operation,
        String apiVersion,
        Instant time,
        String fieldsType,
        JsonNode fieldsV1,
        String subresource) {

    public static final String APPLY = "Apply";
    public static final String UPDATE = "Update";
    public static final String FIELDS_V1 = "FieldsV1";

    public ManagedFieldsEntry {
        // metav1.Time has whole seconds. The trie is copied so the caller's tree cannot change it
        // later; it is shared with readers, who must treat it as read-only, as every API object.
        time = time == null ? null : time.truncatedTo(ChronoUnit.SECONDS);
        fieldsV1 = fieldsV1 == null ? null : fieldsV1.deepCopy();
        // The main resource has no subresource: null, left out of JSON, read back the same.
        subresource = subresource == null || subresource.isEmpty() ? null : subresource;
    }
}
