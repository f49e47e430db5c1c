package kubelab.kubelet;

import java.time.Duration;

/**
 * The kubelet's settings, with Kubernetes' defaults.
 *
 * @param nodeStatusUpdateFrequency how often node status is computed (10 s)
 * @param nodeStatusReportFrequency how often it is written when nothing changed (5 min)
 * @param nodeLeaseDurationSeconds  the Lease's duration (40 s); it is renewed every quarter of it
 * @param syncFrequency             how often every pod is synced again even without a change (1 min)
 * @param kubeletVersion            reported in {@code status.nodeInfo.kubeletVersion}
 * @param internalIP                the node's InternalIP; null: {@code 192.168.0.(N+10)} for {@code node-N}
 * @param podCIDR                   the node's pod range; null: {@code 10.244.N.0/24} for {@code node-N}
 * @param kubeletPort               the kubelet's port in {@code status.daemonEndpoints} (10250)
 *
 * <p>Real Kubernetes: {@code KubeletConfiguration} ({@code kubelet.config.k8s.io/v1beta1}).
 */
public record KubeletConfiguration(Duration nodeStatusUpdateFrequency, Duration nodeStatusReportFrequency,
                                   int nodeLeaseDurationSeconds, Duration syncFrequency, String kubeletVersion,
                                   String internalIP, String podCIDR, int kubeletPort) {
    public static final KubeletConfiguration DEFAULT = new KubeletConfiguration(Duration.ofSeconds(10),
            Duration.ofMinutes(5), 40, Duration.ofMinutes(1), "v1.34.0", null, null, 10250);

    /** How often the Lease is renewed: a quarter of its duration, as the kubelet's lease controller does. */
    public Duration leaseRenewInterval() {
        return Duration.ofMillis(nodeLeaseDurationSeconds * 250L);
    }

    public KubeletConfiguration withInternalIP(String ip) {
        return new KubeletConfiguration(nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
                syncFrequency, kubeletVersion, ip, podCIDR, kubeletPort);
    }

    public KubeletConfiguration withPodCIDR(String cidr) {
        return new KubeletConfiguration(nodeStatusUpdateFrequency, nodeStatusReportFrequency, nodeLeaseDurationSeconds,
                syncFrequency, kubeletVersion, internalIP, cidr, kubeletPort);
    }
}
