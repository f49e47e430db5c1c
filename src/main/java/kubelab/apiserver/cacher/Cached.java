package kubelab.apiserver.cacher;

import java.util.Map;

/**
 * One decoded object in the watch cache, with what filters need precomputed once: its namespace,
 * labels, and selectable fields (metadata.name, metadata.namespace, spec.nodeName, ...).
 */
record Cached<T>(T object, String namespace, Map<String, String> labels, Map<String, String> fields,
                 long revision) {
}
