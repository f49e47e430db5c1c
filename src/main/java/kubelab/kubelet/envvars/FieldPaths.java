package kubelab.kubelet.envvars;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kubelab.api.core.Container;
import kubelab.api.core.ObjectFieldSelector;
import kubelab.api.core.Pod;
import kubelab.api.core.ResourceFieldSelector;
import kubelab.api.resource.Quantity;

/**
 * The downward API: the value of a pod field ({@code metadata.name}, {@code metadata.labels['app']},
 * {@code status.podIP}, ...) or of a container resource ({@code limits.memory}), as an env var or a
 * file in a downwardAPI volume gets it.
 *
 * <p>Real Kubernetes: {@code podFieldSelectorRuntimeValue} in {@code pkg/kubelet/kubelet_pods.go},
 * {@code fieldpath.ExtractFieldPathAsString} and {@code resource.ExtractResourceValueByContainerName}.
 */
public final class FieldPaths {
    private static final Pattern SUBSCRIPT = Pattern.compile("^metadata\\.(labels|annotations)\\['(.*)'\\]$");

    private FieldPaths() {
    }

    /**
     * The value of {@code selector.fieldPath} for the pod; {@code hostIP} and {@code podIP} come from
     * the kubelet (the pod's status may not have them yet).
     *
     * @throws IllegalArgumentException for a path the downward API does not offer
     */
    public static String fieldValue(ObjectFieldSelector selector, Pod pod, String hostIP, String podIP) {
        String path = selector.fieldPath();
        Matcher m = SUBSCRIPT.matcher(path);
        if (m.matches()) {
            Map<String, String> map = m.group(1).equals("labels") ? pod.metadata().labels() : pod.metadata().annotations();
            return map.getOrDefault(m.group(2), "");
        }
        return switch (path) {
            case "metadata.name" -> pod.metadata().name();
            case "metadata.namespace" -> pod.metadata().namespace();
            case "metadata.uid" -> pod.metadata().uid();
            case "metadata.labels" -> formatMap(pod.metadata().labels());
            case "metadata.annotations" -> formatMap(pod.metadata().annotations());
            case "spec.nodeName" -> nullToEmpty(pod.spec().nodeName());
            case "spec.serviceAccountName" -> nullToEmpty(pod.spec().serviceAccountName());
            case "status.hostIP", "status.hostIPs" -> nullToEmpty(hostIP);
            case "status.podIP", "status.podIPs" -> nullToEmpty(podIP);
            default -> throw new IllegalArgumentException("unsupported fieldPath: " + path);
        };
    }

    /**
     * A container's request or limit in units of the divisor, rounded up; a missing limit is the
     * node's allocatable, as Kubernetes reports it.
     */
    public static String resourceValue(ResourceFieldSelector selector, Pod pod, Container container,
                                       Map<String, Quantity> nodeAllocatable) {
        Container c = container;
        if (selector.containerName() != null && !selector.containerName().isEmpty()) {
            c = pod.spec().allContainers().stream().filter(x -> x.name().equals(selector.containerName()))
                    .findFirst().orElseThrow(() -> new IllegalArgumentException(
                            "container " + selector.containerName() + " not found"));
        }
        String[] parts = selector.resource().split("\\.", 2);
        Map<String, Quantity> values = c.resources() == null ? Map.of()
                : parts[0].equals("limits") ? c.resources().limits() : c.resources().requests();
        Quantity q = values.get(parts[1]);
        if (q == null && parts[0].equals("limits")) {
            q = nodeAllocatable.get(parts[1]);
        }
        if (q == null) {
            q = Quantity.ZERO;
        }
        Quantity divisor = selector.divisor() == null || selector.divisor().isZero() ? Quantity.of("1") : selector.divisor();
        BigDecimal v = q.asBigDecimal().divide(divisor.asBigDecimal(), 0, RoundingMode.CEILING);
        return v.toPlainString();
    }

    /** {@code key="value"} lines, sorted by key: how labels and annotations appear in a downwardAPI file. */
    private static String formatMap(Map<String, String> map) {
        StringBuilder sb = new StringBuilder();
        for (Map.Entry<String, String> e : new TreeMap<>(map).entrySet()) {
            if (sb.length() > 0) {
                sb.append('\n');
            }
            sb.append(e.getKey()).append("=\"").append(e.getValue().replace("\\", "\\\\").replace("\"", "\\\"")
                    .replace("\n", "\\n")).append('"');
        }
        return sb.toString();
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
