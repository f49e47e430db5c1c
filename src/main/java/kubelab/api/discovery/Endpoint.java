package kubelab.api.discovery;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ObjectReference;

/**
 * One backend of a Service: its addresses (usually one pod IP), whether it is ready, serving or
 * terminating, and where it runs ({@code nodeName}, {@code zone}, the pod in {@code targetRef}).
 * {@code deprecatedTopology} is kept only so that old objects read back unchanged.
 *
 * <p>Real Kubernetes: {@code discoveryv1.Endpoint}.
 */
public record Endpoint(List<String> addresses, EndpointConditions conditions, String hostname,
                       ObjectReference targetRef, Map<String, String> deprecatedTopology, String nodeName,
                       String zone, EndpointHints hints) {
    public Endpoint {
        addresses = addresses == null ? List.of() : List.copyOf(addresses);
        deprecatedTopology = deprecatedTopology == null ? Map.of()
                : Collections.unmodifiableMap(new LinkedHashMap<>(deprecatedTopology));
    }
}
