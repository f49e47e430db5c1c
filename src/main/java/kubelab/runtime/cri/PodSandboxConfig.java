package kubelab.runtime.cri;

import java.util.List;
import java.util.Map;

/**
 * What the kubelet asks of a pod's sandbox: who the pod is, its hostname, DNS settings, ports,
 * labels and annotations, and where the pod's logs go.
 *
 * <p>Real Kubernetes: {@code PodSandboxConfig} in the CRI; built by kuberuntime's
 * {@code generatePodSandboxConfig}.
 */
public record PodSandboxConfig(PodSandboxMetadata metadata, String hostname, String logDirectory,
                               DnsConfig dnsConfig, List<PortMapping> portMappings, Map<String, String> labels,
                               Map<String, String> annotations, boolean hostNetwork) {
    public PodSandboxConfig {
        portMappings = portMappings == null ? List.of() : List.copyOf(portMappings);
        labels = labels == null ? Map.of() : Map.copyOf(labels);
        annotations = annotations == null ? Map.of() : Map.copyOf(annotations);
    }

    /** The pod a sandbox belongs to; {@code attempt} counts sandboxes made for the same pod. */
    public record PodSandboxMetadata(String name, String uid, String namespace, int attempt) {
    }

    /** resolv.conf for the pod. */
    public record DnsConfig(List<String> servers, List<String> searches, List<String> options) {
    }

    /** A hostPort mapping. */
    public record PortMapping(String protocol, int containerPort, int hostPort, String hostIp) {
    }
}
