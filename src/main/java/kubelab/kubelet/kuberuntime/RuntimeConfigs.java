package kubelab.kubelet.kuberuntime;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Container;
import kubelab.api.core.ContainerPort;
import kubelab.api.core.Pod;
import kubelab.api.resource.Quantity;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.ImageSpec;
import kubelab.runtime.cri.PodSandboxConfig;

/**
 * Turns a pod and its containers into the CRI's configs: the sandbox's metadata, hostname, DNS
 * and host ports; each container's image, command, environment, mounts, log path, labels that
 * name its pod, and cgroup resources from its requests and limits.
 *
 * <p>Real Kubernetes: {@code generatePodSandboxConfig} ({@code kuberuntime_sandbox.go}),
 * {@code generateContainerConfig} ({@code kuberuntime_container.go}) and
 * {@code generateLinuxContainerResources} ({@code kuberuntime_container_linux.go}).
 */
public final class RuntimeConfigs {
    public static final String POD_NAME_LABEL = "io.kubernetes.pod.name";
    public static final String POD_NAMESPACE_LABEL = "io.kubernetes.pod.namespace";
    public static final String POD_UID_LABEL = "io.kubernetes.pod.uid";
    public static final String CONTAINER_NAME_LABEL = "io.kubernetes.container.name";
    public static final String RESTART_COUNT_ANNOTATION = "io.kubernetes.container.restartCount";
    /** The cluster DNS Service's address, as kubeadm sets {@code clusterDNS}. */
    public static final String CLUSTER_DNS = "10.96.0.10";
    public static final String CLUSTER_DOMAIN = "cluster.local";

    private RuntimeConfigs() {
    }

    public static PodSandboxConfig sandboxConfig(Pod pod, int attempt) {
        var m = pod.metadata();
        Map<String, String> labels = new LinkedHashMap<>(m.labels());
        labels.put(POD_NAME_LABEL, m.name());
        labels.put(POD_NAMESPACE_LABEL, m.namespace());
        labels.put(POD_UID_LABEL, m.uid());
        String hostname = pod.spec().hostname() == null || pod.spec().hostname().isEmpty() ? m.name() : pod.spec().hostname();
        List<PodSandboxConfig.PortMapping> ports = new ArrayList<>();
        for (Container c : pod.spec().containers()) {
            for (ContainerPort p : c.ports()) {
                if (p.hostPort() != null && p.hostPort() > 0) {
                    ports.add(new PodSandboxConfig.PortMapping(p.protocol(), p.containerPort(), p.hostPort(), p.hostIP()));
                }
            }
        }
        String ns = m.namespace();
        var dns = new PodSandboxConfig.DnsConfig(List.of(CLUSTER_DNS),
                List.of(ns + ".svc." + CLUSTER_DOMAIN, "svc." + CLUSTER_DOMAIN, CLUSTER_DOMAIN), List.of("ndots:5"));
        return new PodSandboxConfig(new PodSandboxConfig.PodSandboxMetadata(m.name(), m.uid(), ns, attempt), hostname,
                "/var/log/pods/" + ns + "_" + m.name() + "_" + m.uid(), dns, ports, labels, m.annotations(),
                Boolean.TRUE.equals(pod.spec().hostNetwork()));
    }

    public static ContainerConfig containerConfig(Pod pod, Container c, int attempt, Map<String, String> env,
                                                  List<ContainerConfig.Mount> mounts) {
        var m = pod.metadata();
        Map<String, String> labels = Map.of(POD_NAME_LABEL, m.name(), POD_NAMESPACE_LABEL, m.namespace(),
                POD_UID_LABEL, m.uid(), CONTAINER_NAME_LABEL, c.name());
        Map<String, String> annotations = Map.of(RESTART_COUNT_ANNOTATION, Integer.toString(attempt));
        return new ContainerConfig(new ContainerConfig.ContainerMetadata(c.name(), attempt), new ImageSpec(c.image()),
                c.command(), c.args(), c.workingDir(), env, mounts, c.name() + "/" + attempt + ".log",
                Boolean.TRUE.equals(c.tty()), Boolean.TRUE.equals(c.stdin()), labels, annotations, resources(c));
    }

    /** CPU shares from the request (1024 per core, at least 2), quota from the limit, memory limit in bytes. */
    static ContainerConfig.LinuxContainerResources resources(Container c) {
        if (c.resources() == null) {
            return ContainerConfig.LinuxContainerResources.NONE;
        }
        Quantity cpuRequest = c.resources().requests().get("cpu");
        Quantity cpuLimit = c.resources().limits().get("cpu");
        Quantity memLimit = c.resources().limits().get("memory");
        long period = 100_000;
        long shares = cpuRequest == null ? 2 : Math.max(2, cpuRequest.milliValue() * 1024 / 1000);
        long quota = cpuLimit == null ? 0 : cpuLimit.milliValue() * period / 1000;
        long memory = memLimit == null ? 0 : memLimit.value();
        return new ContainerConfig.LinuxContainerResources(period, quota, shares, memory);
    }
}
