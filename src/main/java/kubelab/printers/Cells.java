package kubelab.printers;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kubelab.api.core.Container;
import kubelab.api.core.PodSpec;
import kubelab.api.core.PodTemplateSpec;
import kubelab.api.labels.Selector;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.LabelSelector;

/**
 * Small cell formatters the per-kind printers share: AGE, the CONTAINERS and IMAGES of a pod
 * template, label maps and label selectors, and Go's zero values for absent numbers and strings.
 *
 * <p>Real Kubernetes: {@code translateTimestampSince} and {@code layoutContainerCells} in
 * {@code pkg/printers/internalversion/printers.go}; {@code labels.FormatLabels} and
 * {@code metav1.FormatLabelSelector} in {@code k8s.io/apimachinery}.
 */
final class Cells {

    static final String NONE = "<none>";

    private Cells() {
    }

    /** The AGE cell: how long ago the object was created. */
    static String age(KubeObject obj, Instant now) {
        return HumanDuration.since(obj.metadata() == null ? null : obj.metadata().creationTimestamp(), now);
    }

    /** The NAME cell. */
    static String name(KubeObject obj) {
        return str(obj.name());
    }

    /** The containers of a pod template, as the CONTAINERS and IMAGES cells: comma-separated, in order. */
    static List<String> containersAndImages(PodTemplateSpec template) {
        PodSpec spec = template == null ? null : template.spec();
        List<Container> containers = spec == null ? List.of() : spec.containers();
        return List.of(
                containers.stream().map(c -> str(c.name())).collect(Collectors.joining(",")),
                containers.stream().map(c -> str(c.image())).collect(Collectors.joining(",")));
    }

    /** {@code a=1,b=2}, keys sorted; {@code <none>} for no labels. */
    static String formatLabels(Map<String, String> labels) {
        if (labels == null || labels.isEmpty()) {
            return NONE;
        }
        return new TreeMap<>(labels).entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(","));
    }

    /**
     * A label selector in Kubernetes' string form, {@code app=web,tier in (a,b)}; {@code <none>}
     * for an absent or empty one, {@code <error>} for one that does not parse.
     */
    static String formatLabelSelector(LabelSelector selector) {
        String s;
        try {
            s = Selector.from(selector).toString();
        } catch (IllegalArgumentException e) {
            return "<error>";
        }
        return s.isEmpty() ? NONE : s;
    }

    /** A string field as Go prints it: absent is "". */
    static String str(String s) {
        return s == null ? "" : s;
    }

    /** A number field as Go prints it: absent is 0. */
    static int num(Integer i) {
        return i == null ? 0 : i;
    }

    static boolean isEmpty(String s) {
        return s == null || s.isEmpty();
    }
}
