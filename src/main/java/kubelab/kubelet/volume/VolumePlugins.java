package kubelab.kubelet.volume;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.ConfigMap;
import kubelab.api.core.DownwardAPIVolumeFile;
import kubelab.api.core.HostPathType;
import kubelab.api.core.KeyToPath;
import kubelab.api.core.Pod;
import kubelab.api.core.Secret;
import kubelab.api.core.VolumeProjection;
import kubelab.api.resource.Quantity;
import kubelab.apiserver.Api;
import kubelab.apiserver.ApiException;
import kubelab.kubelet.envvars.FieldPaths;
import kubelab.runtime.shell.MemoryFs;

/**
 * What each volume plugin writes on the node: the files of configMap, secret, downwardAPI and
 * projected volumes (their payload), and the checks and creation of hostPath. Errors carry the
 * plugins' own messages, which the kubelet puts after {@code MountVolume.SetUp failed for volume}.
 *
 * <p>Real Kubernetes: {@code pkg/volume/configmap}, {@code secret}, {@code downwardapi},
 * {@code projected} ({@code MakePayload}) and {@code hostpath} ({@code checkType}).
 */
final class VolumePlugins {
    /** A volume could not be set up; the message is the plugin's. */
    static final class SetUpException extends RuntimeException {
        SetUpException(String message) {
            super(message);
        }
    }

    private final Api api;
    private final MemoryFs hostFs;

    VolumePlugins(Api api, MemoryFs hostFs) {
        this.api = api;
        this.hostFs = hostFs;
    }

    /** Checks a hostPath against its type, creating it for the *OrCreate types. */
    void hostPath(String path, String type) {
        String t = type == null ? HostPathType.UNSET : type;
        switch (t) {
            case HostPathType.DIRECTORY_OR_CREATE -> {
                if (!hostFs.exists(path)) {
                    hostFs.mkdir(path, true);
                }
                requireDirectory(path);
            }
            case HostPathType.DIRECTORY -> requireDirectory(path);
            case HostPathType.FILE_OR_CREATE -> {
                if (!hostFs.exists(path)) {
                    String parent = MemoryFs.normalize(path + "/..");
                    if (!hostFs.isDirectory(parent)) {
                        throw new SetUpException("open " + path + ": no such file or directory");
                    }
                    hostFs.touch(path);
                }
                requireFile(path);
            }
            case HostPathType.FILE -> requireFile(path);
            case HostPathType.SOCKET -> throw new SetUpException("hostPath type check failed: " + path + " is not a socket file");
            case HostPathType.CHAR_DEVICE -> throw new SetUpException("hostPath type check failed: " + path + " is not a character device");
            case HostPathType.BLOCK_DEVICE -> throw new SetUpException("hostPath type check failed: " + path + " is not a block device");
            default -> { } // unset: no checks, as Kubernetes does for backward compatibility
        }
    }

    private void requireDirectory(String path) {
        if (!hostFs.isDirectory(path)) {
            throw new SetUpException("hostPath type check failed: " + path + " is not a directory");
        }
    }

    private void requireFile(String path) {
        if (!hostFs.exists(path) || hostFs.isDirectory(path)) {
            throw new SetUpException("hostPath type check failed: " + path + " is not a file");
        }
    }

    /** The files of a configMap volume or projection; empty for a missing optional ConfigMap. */
    Map<String, String> configMapPayload(String ns, String name, List<KeyToPath> items, Boolean optional) {
        ConfigMap cm;
        try {
            cm = api.get(ConfigMap.class, ns, name);
        } catch (ApiException e) {
            if (e.code() == 404 && Boolean.TRUE.equals(optional)) {
                return Map.of();
            }
            throw new SetUpException(e.code() == 404 ? "configmap \"" + name + "\" not found" : e.getMessage());
        }
        Map<String, String> all = new LinkedHashMap<>(cm.data());
        for (String k : cm.binaryData().keySet()) {
            all.put(k, new String(cm.binaryValue(k), StandardCharsets.UTF_8));
        }
        return select(all, items, optional, "configmap references non-existent config key: ");
    }

    /** The files of a secret volume or projection, base64-decoded; empty for a missing optional Secret. */
    Map<String, String> secretPayload(String ns, String name, List<KeyToPath> items, Boolean optional) {
        Secret secret;
        try {
            secret = api.get(Secret.class, ns, name);
        } catch (ApiException e) {
            if (e.code() == 404 && Boolean.TRUE.equals(optional)) {
                return Map.of();
            }
            throw new SetUpException(e.code() == 404 ? "secret \"" + name + "\" not found" : e.getMessage());
        }
        Map<String, String> all = new LinkedHashMap<>();
        for (String k : secret.data().keySet()) {
            all.put(k, secret.stringValue(k));
        }
        return select(all, items, optional, "references non-existent secret key: ");
    }

    /** The files of a downwardAPI volume or projection. */
    Map<String, String> downwardApiPayload(Pod pod, List<DownwardAPIVolumeFile> items, String hostIP, String podIP,
                                           Map<String, Quantity> nodeAllocatable) {
        Map<String, String> files = new LinkedHashMap<>();
        for (DownwardAPIVolumeFile f : items) {
            if (f.fieldRef() != null) {
                files.put(f.path(), FieldPaths.fieldValue(f.fieldRef(), pod, hostIP, podIP));
            } else if (f.resourceFieldRef() != null) {
                files.put(f.path(), FieldPaths.resourceValue(f.resourceFieldRef(), pod, null, nodeAllocatable));
            }
        }
        return files;
    }

    /** The files of a projected volume: its sources' payloads in one directory. */
    Map<String, String> projectedPayload(Pod pod, List<VolumeProjection> sources, String hostIP, String podIP,
                                         Map<String, Quantity> nodeAllocatable) {
        String ns = pod.metadata().namespace();
        Map<String, String> files = new LinkedHashMap<>();
        for (VolumeProjection p : sources) {
            if (p.configMap() != null) {
                files.putAll(configMapPayload(ns, p.configMap().name(), p.configMap().items(), p.configMap().optional()));
            } else if (p.secret() != null) {
                files.putAll(secretPayload(ns, p.secret().name(), p.secret().items(), p.secret().optional()));
            } else if (p.downwardAPI() != null) {
                files.putAll(downwardApiPayload(pod, p.downwardAPI().items(), hostIP, podIP, nodeAllocatable));
            } else if (p.serviceAccountToken() != null) {
                // No token issuer in KubeLab: a placeholder stands where the bound token would be.
                files.put(p.serviceAccountToken().path(), "kubelab-serviceaccount-token");
            }
        }
        return files;
    }

    /** Writes a payload into {@code dir}, replacing what was there. */
    void writePayload(String dir, Map<String, String> files) {
        if (hostFs.exists(dir)) {
            hostFs.remove(dir, true);
        }
        hostFs.mkdir(dir, true);
        for (Map.Entry<String, String> f : files.entrySet()) {
            String path = MemoryFs.normalize(dir + "/" + f.getKey());
            hostFs.mkdir(MemoryFs.normalize(path + "/.."), true);
            hostFs.write(path, f.getValue() == null ? "" : f.getValue());
        }
    }

    private static Map<String, String> select(Map<String, String> all, List<KeyToPath> items, Boolean optional,
                                              String missingKey) {
        if (items.isEmpty()) {
            return all;
        }
        Map<String, String> files = new LinkedHashMap<>();
        List<String> missing = new ArrayList<>();
        for (KeyToPath item : items) {
            if (all.containsKey(item.key())) {
                files.put(item.path(), all.get(item.key()));
            } else if (!Boolean.TRUE.equals(optional)) {
                missing.add(item.key());
            }
        }
        if (!missing.isEmpty()) {
            throw new SetUpException(missingKey + missing.get(0));
        }
        return files;
    }
}
