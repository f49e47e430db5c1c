package kubelab.kubelet.volume;

import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.Container;
import kubelab.api.core.PersistentVolumeClaim;
import kubelab.api.core.Pod;
import kubelab.api.core.StorageMedium;
import kubelab.api.core.Volume;
import kubelab.api.core.VolumeMount;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.client.Backoff;
import kubelab.runtime.cri.ContainerConfig;
import kubelab.runtime.shell.MemoryFs;
import kubelab.time.Clock;

/**
 * Sets up a pod's volumes on the node before its containers start, and tears them down after it is
 * gone. Each volume gets a directory {@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~<plugin>/<name>}
 * in the node's filesystem (a hostPath volume is the host path itself); containers see these
 * through the CRI's mounts.
 *
 * <p>Supported: emptyDir (a {@code Memory} medium is a tmpfs in Kubernetes and its {@code sizeLimit}
 * is enforced by eviction; here both are recorded, not enforced), hostPath with its types,
 * configMap, secret, downwardAPI and projected. A persistentVolumeClaim is not mounted yet (chapter
 * 3): the pod waits with a FailedMount event. A failed set-up is retried with the operation
 * executor's back-off, 500 ms doubling to 2m2s.
 *
 * <p>Real Kubernetes: {@code pkg/kubelet/volumemanager} (desired and actual state of the world,
 * reconciler) and the operation executor's {@code nestedpendingoperations} back-off.
 */
public final class VolumeManager {
    /** Where the kubelet keeps each pod's directories. */
    public static final String PODS_DIR = "/var/lib/kubelet/pods";

    /** A volume that failed to set up, and the plugin's message. */
    public record Failure(String volume, String message) {
    }

    /** The host path of each volume set up, and the volumes that failed. */
    public record MountResult(Map<String, String> hostPaths, List<Failure> failures) {
        public boolean ok() {
            return failures.isEmpty();
        }
    }

    private final Api api;
    private final MemoryFs hostFs;
    private final VolumePlugins plugins;
    private final Backoff backoff;
    private final Clock clock;

    public VolumeManager(Api api, MemoryFs hostFs, Clock clock) {
        this.api = api;
        this.hostFs = hostFs;
        this.clock = clock;
        this.plugins = new VolumePlugins(api, hostFs);
        this.backoff = new Backoff(clock, Duration.ofMillis(500), Duration.ofSeconds(122));
    }

    /** {@code /var/lib/kubelet/pods/<uid>}. */
    public static String podDir(String uid) {
        return PODS_DIR + "/" + uid;
    }

    /** {@code /var/lib/kubelet/pods/<uid>/volumes/kubernetes.io~<plugin>/<name>}. */
    public static String volumeDir(String uid, String plugin, String name) {
        return podDir(uid) + "/volumes/kubernetes.io~" + plugin + "/" + name;
    }

    /** Sets up every volume of the pod; volumes already set up are refreshed. */
    public MountResult mount(Pod pod, String hostIP, String podIP, Map<String, Quantity> nodeAllocatable) {
        String uid = pod.metadata().uid();
        String ns = pod.metadata().namespace();
        Map<String, String> paths = new LinkedHashMap<>();
        List<Failure> failures = new ArrayList<>();
        for (Volume v : pod.spec().volumes()) {
            try {
                if (v.emptyDir() != null) {
                    String dir = volumeDir(uid, "empty-dir", v.name());
                    if (!hostFs.exists(dir)) {
                        hostFs.mkdir(dir, true);
                    }
                    paths.put(v.name(), dir);
                } else if (v.hostPath() != null) {
                    plugins.hostPath(v.hostPath().path(), v.hostPath().type());
                    paths.put(v.name(), MemoryFs.normalize(v.hostPath().path()));
                } else if (v.configMap() != null) {
                    var s = v.configMap();
                    paths.put(v.name(), write(uid, "configmap", v.name(),
                            plugins.configMapPayload(ns, s.name(), s.items(), s.optional())));
                } else if (v.secret() != null) {
                    var s = v.secret();
                    paths.put(v.name(), write(uid, "secret", v.name(),
                            plugins.secretPayload(ns, s.secretName(), s.items(), s.optional())));
                } else if (v.downwardAPI() != null) {
                    paths.put(v.name(), write(uid, "downward-api", v.name(),
                            plugins.downwardApiPayload(pod, v.downwardAPI().items(), hostIP, podIP, nodeAllocatable)));
                } else if (v.projected() != null) {
                    paths.put(v.name(), write(uid, "projected", v.name(),
                            plugins.projectedPayload(pod, v.projected().sources(), hostIP, podIP, nodeAllocatable)));
                } else if (v.persistentVolumeClaim() != null) {
                    failures.add(new Failure(v.name(), claimMessage(ns, v.persistentVolumeClaim().claimName())));
                } else {
                    failures.add(new Failure(v.name(), "volume plugin for " + v.sourceType()
                            + " is not available on KubeLab's nodes"));
                }
            } catch (VolumePlugins.SetUpException | IllegalArgumentException e) {
                failures.add(new Failure(v.name(), e.getMessage()));
            }
        }
        if (failures.isEmpty()) {
            backoff.reset(uid);
        }
        return new MountResult(paths, failures);
    }

    /** Whether an emptyDir volume asks for memory (tmpfs): recorded for learners, not enforced. */
    public static boolean isMemoryBacked(Volume v) {
        return v.emptyDir() != null && StorageMedium.MEMORY.equals(v.emptyDir().medium());
    }

    /** Bumps the pod's mount back-off and says how long until the next attempt. */
    public Duration nextRetry(String uid) {
        backoff.next(uid, clock.now());
        return backoff.get(uid);
    }

    /** The CRI mounts of one container: each volumeMount's host path (with subPath) at its mountPath. */
    public static List<ContainerConfig.Mount> mountsFor(Container c, Map<String, String> hostPaths) {
        List<ContainerConfig.Mount> mounts = new ArrayList<>();
        for (VolumeMount m : c.volumeMounts()) {
            String host = hostPaths.get(m.name());
            if (host == null) {
                continue;
            }
            if (m.subPath() != null && !m.subPath().isEmpty()) {
                host = MemoryFs.normalize(host + "/" + m.subPath());
            }
            mounts.add(new ContainerConfig.Mount(m.mountPath(), host, Boolean.TRUE.equals(m.readOnly())));
        }
        return mounts;
    }

    /** Removes everything the pod had under {@code /var/lib/kubelet/pods/<uid>}; hostPaths stay. */
    public void tearDown(String uid) {
        backoff.reset(uid);
        String dir = podDir(uid);
        if (hostFs.exists(dir)) {
            hostFs.remove(dir, true);
        }
    }

    private String write(String uid, String plugin, String name, Map<String, String> files) {
        String dir = volumeDir(uid, plugin, name);
        plugins.writePayload(dir, files);
        return dir;
    }

    private String claimMessage(String ns, String claim) {
        try {
            api.get(PersistentVolumeClaim.class, ns, claim);
        } catch (ApiException e) {
            if (e.code() == 404) {
                return "persistentvolumeclaim \"" + claim + "\" not found";
            }
        }
        return "persistentVolumeClaim \"" + claim + "\" cannot be mounted yet: KubeLab's kubelet mounts persistent volumes from chapter 3 on";
    }
}
