package kubelab.runtime;

import java.util.Map;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.cri.PodSandboxConfig;
import kubelab.runtime.images.CatalogueImage;
import kubelab.runtime.shell.ContainerFs;
import kubelab.runtime.shell.MemoryFs;

/**
 * Builds a container's root filesystem: the image's files in a fresh writable layer, the files the
 * pod gets from its sandbox ({@code /etc/hostname}, {@code /etc/hosts}, {@code /etc/resolv.conf}),
 * then the mounts, each a {@link SubtreeFs} view of the node's filesystem.
 *
 * <p>Real Kubernetes: containerd's snapshotter (image layers + a writable layer) and the mounts of
 * the OCI spec; the kubelet writes the managed {@code /etc/hosts} ({@code pkg/kubelet/kubelet_pods.go},
 * {@code managedHostsFileContent}) and the runtime the {@code hostname} and {@code resolv.conf}.
 */
final class ContainerRootfs {

    private static final String[] DIRECTORIES = {"/bin", "/dev", "/etc", "/home", "/proc", "/root", "/sys",
        "/tmp", "/usr/bin", "/usr/local/bin", "/var/log", "/var/run"};

    private ContainerRootfs() {}

    static MemoryFs build(CatalogueImage image, ContainerConfig config, PodSandboxConfig sandbox, String podIp,
                          ContainerFs hostFs) {
        MemoryFs fs = new MemoryFs();
        for (String dir : DIRECTORIES) {
            fs.mkdir(dir, true);
        }
        for (Map.Entry<String, String> file : new java.util.TreeMap<>(image.files()).entrySet()) {
            String path = file.getKey();
            fs.mkdir(path.substring(0, Math.max(1, path.lastIndexOf('/'))), true);
            fs.write(path, file.getValue());
        }
        fs.mkdir(image.config().workingDir(), true);
        if (config.workingDir() != null && config.workingDir().startsWith("/")) {
            fs.mkdir(config.workingDir(), true); // containerd creates a missing working directory
        }
        String hostname = sandbox.hostname() == null || sandbox.hostname().isEmpty()
                ? sandbox.metadata().name() : sandbox.hostname();
        fs.write("/etc/hostname", hostname + "\n");
        fs.write("/etc/hosts", hosts(hostname, podIp));
        fs.write("/etc/resolv.conf", resolvConf(sandbox.dnsConfig()));
        for (ContainerConfig.Mount mount : config.mounts()) {
            if (!hostFs.exists(mount.hostPath())) {
                hostFs.mkdir(mount.hostPath(), true); // as containerd does for a missing bind source
            }
            String target = MemoryFs.normalize(mount.containerPath());
            if (fs.exists(target) && !fs.isDirectory(target)) {
                fs.remove(target, false); // a file of the image, hidden by the mount
            }
            fs.mount(target, new SubtreeFs(hostFs, MemoryFs.normalize(mount.hostPath()), mount.readonly()));
        }
        return fs;
    }

    /** The kubelet-managed hosts file: loopback entries, then the pod's IP and hostname. */
    static String hosts(String hostname, String podIp) {
        StringBuilder s = new StringBuilder("# Kubernetes-managed hosts file.\n")
                .append("127.0.0.1\tlocalhost\n")
                .append("::1\tlocalhost ip6-localhost ip6-loopback\n")
                .append("fe00::0\tip6-localnet\n")
                .append("fe00::0\tip6-mcastprefix\n")
                .append("fe00::1\tip6-allnodes\n")
                .append("fe00::2\tip6-allrouters\n");
        if (podIp != null && !podIp.isEmpty()) {
            s.append(podIp).append('\t').append(hostname).append('\n');
        }
        return s.toString();
    }

    static String resolvConf(PodSandboxConfig.DnsConfig dns) {
        if (dns == null) {
            return "";
        }
        StringBuilder s = new StringBuilder();
        if (dns.searches() != null && !dns.searches().isEmpty()) {
            s.append("search ").append(String.join(" ", dns.searches())).append('\n');
        }
        if (dns.servers() != null) {
            dns.servers().forEach(server -> s.append("nameserver ").append(server).append('\n'));
        }
        if (dns.options() != null && !dns.options().isEmpty()) {
            s.append("options ").append(String.join(" ", dns.options())).append('\n');
        }
        return s.toString();
    }
}
