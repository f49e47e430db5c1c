package kubelab.apiserver.cacher;

import java.util.Map;
import java.util.function.Predicate;

/**
 * What one list or watch asks for: a namespace (null for all), a label predicate and a field
 * predicate, plus the exact value of the indexed field when the field selector pins it (for
 * pods: the node of {@code spec.nodeName=node-7}), so the cacher can route events by index.
 */
public record Filter(String namespace, Predicate<Map<String, String>> labels,
                     Predicate<Map<String, String>> fields, String indexValue) {

    public static final Filter EVERYTHING = new Filter(null, l -> true, f -> true, null);

    boolean matches(Cached<?> c) {
        return c != null && matches(c.namespace(), c.labels(), c.fields());
    }

    /** True if an object in {@code objectNamespace} with these labels and fields is selected. */
    public boolean matches(String objectNamespace, Map<String, String> objectLabels, Map<String, String> objectFields) {
        return (namespace == null || namespace.equals(objectNamespace))
                && labels.test(objectLabels)
                && fields.test(objectFields);
    }
}
