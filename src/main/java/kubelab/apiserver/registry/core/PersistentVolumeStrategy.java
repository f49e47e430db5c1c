package kubelab.apiserver.registry.core;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import kubelab.api.core.PersistentVolume;
import kubelab.api.core.PersistentVolumePhase;
import kubelab.api.core.PersistentVolumeSpec;
import kubelab.api.core.PersistentVolumeStatus;
import kubelab.api.resource.Quantity;
import kubelab.api.serialization.Json;
import kubelab.apiserver.FieldError;
import kubelab.apiserver.registry.Strategy;
import kubelab.apiserver.registry.validation.FieldChecks;
import kubelab.apiserver.registry.validation.GoValue;
import kubelab.apiserver.registry.validation.JsonDefaults;

/**
 * PersistentVolumes: cluster-scoped; reclaim policy Retain and volume mode Filesystem unless
 * said otherwise; phase Pending from creation, until the binder finds it Available. A volume has
 * a storage capacity, at least one access mode, and exactly one source (hostPath, nfs, csi, ...),
 * which never changes afterwards.
 *
 * <p>Real Kubernetes: {@code pkg/registry/core/persistentvolume/strategy.go},
 * {@code SetDefaults_PersistentVolume} and {@code ValidatePersistentVolumeSpec} /
 * {@code ValidatePersistentVolumeUpdate}.
 */
public final class PersistentVolumeStrategy implements Strategy<PersistentVolume> {
    /** The JSON names of the volume sources a PV may have, exactly one of them. */
    static final List<String> SOURCES = List.of("hostPath", "gcePersistentDisk", "awsElasticBlockStore", "glusterfs",
            "flocker", "nfs", "rbd", "quobyte", "cephfs", "iscsi", "cinder", "fc", "flexVolume", "azureFile",
            "vsphereVolume", "photonPersistentDisk", "portworxVolume", "azureDisk", "scaleIO", "local", "storageos", "csi");
    static final List<String> ACCESS_MODES = List.of("ReadOnlyMany", "ReadWriteMany", "ReadWriteOnce", "ReadWriteOncePod");
    static final List<String> VOLUME_MODES = List.of("Block", "Filesystem");
    private static final List<String> RECLAIM = List.of("Delete", "Recycle", "Retain");
    private static final List<String> HOST_PATH_TYPES = List.of("", "DirectoryOrCreate", "Directory", "FileOrCreate",
            "File", "Socket", "CharDevice", "BlockDevice");

    @Override
    public PersistentVolume applyDefaults(PersistentVolume pv) {
        return JsonDefaults.apply(pv, PersistentVolume.class, tree -> {
            ObjectNode spec = JsonDefaults.object(tree, "spec");
            JsonDefaults.putIfAbsent(spec, "persistentVolumeReclaimPolicy", "Retain");
            JsonDefaults.putIfAbsent(spec, "volumeMode", "Filesystem");
        });
    }

    /** Pending since its creation: the binder has not looked at it yet. */
    @Override
    public PersistentVolume prepareForCreate(PersistentVolume pv) {
        return pv.withStatus(PersistentVolumeStatus.phase(PersistentVolumePhase.PENDING, pv.metadata().creationTimestamp()));
    }

    @Override
    public List<FieldError> validate(PersistentVolume pv) {
        PersistentVolumeSpec spec = pv.spec();
        if (spec == null) {
            return List.of(FieldError.required("spec", null));
        }
        List<FieldError> errors = new ArrayList<>(accessModes(spec.accessModes(), "spec.accessModes", ""));
        if (spec.capacity().isEmpty()) {
            errors.add(FieldError.required("spec.capacity", null));
        }
        if (!spec.capacity().containsKey("storage") || spec.capacity().size() > 1) {
            errors.add(FieldError.notSupported("spec.capacity", GoValue.of("core.ResourceList{...}"), List.of("storage")));
        }
        for (String name : new TreeSet<>(spec.capacity().keySet())) {
            Quantity q = spec.capacity().get(name);
            if (q.signum() < 0) {
                errors.add(FieldError.invalid("spec.capacity[" + name + "]", q.value(), "must be a valid resource quantity"));
            }
            errors.addAll(FieldChecks.positiveQuantity(q, "spec.capacity[" + name + "]"));
        }
        String reclaim = spec.persistentVolumeReclaimPolicy();
        if (reclaim != null && !reclaim.isEmpty() && !RECLAIM.contains(reclaim)) {
            errors.add(FieldError.notSupported("spec.persistentVolumeReclaimPolicy", reclaim, RECLAIM));
        }
        errors.addAll(source(spec));
        if (spec.storageClassName() != null && !spec.storageClassName().isEmpty()) {
            errors.addAll(FieldChecks.dns1123Subdomain(spec.storageClassName(), "spec.storageClassName"));
        }
        if (spec.volumeMode() != null && !VOLUME_MODES.contains(spec.volumeMode())) {
            errors.add(FieldError.notSupported("spec.volumeMode", spec.volumeMode(), VOLUME_MODES));
        }
        return errors;
    }

    /** At least one mode, all known, and ReadWriteOncePod only on its own. */
    static List<FieldError> accessModes(List<String> modes, String path, String requiredDetail) {
        List<FieldError> errors = new ArrayList<>();
        if (modes.isEmpty()) {
            errors.add(FieldError.required(path, requiredDetail.isEmpty() ? null : requiredDetail));
        }
        boolean oncePod = false;
        boolean other = false;
        for (String mode : modes) {
            if (!ACCESS_MODES.contains(mode)) {
                errors.add(FieldError.notSupported(path, mode, ACCESS_MODES));
            } else if (mode.equals("ReadWriteOncePod")) {
                oncePod = true;
            } else {
                other = true;
            }
        }
        if (oncePod && other) {
            errors.add(FieldError.forbidden(path, "may not use ReadWriteOncePod with other access modes"));
        }
        return errors;
    }

    /** Exactly one source; a hostPath needs a path without '..'; a local volume needs node affinity. */
    private static List<FieldError> source(PersistentVolumeSpec spec) {
        List<FieldError> errors = new ArrayList<>();
        JsonNode tree = Json.toTree(spec);
        int count = 0;
        for (String source : SOURCES) {
            if (tree.hasNonNull(source)) {
                if (count > 0) {
                    errors.add(FieldError.forbidden("spec." + source, "may not specify more than 1 volume type"));
                    continue;
                }
                count++;
            }
        }
        if (count == 0) {
            errors.add(FieldError.required("spec", "must specify a volume type"));
        }
        if (spec.hostPath() != null) {
            String path = spec.hostPath().path() == null ? "" : spec.hostPath().path();
            if (path.isEmpty()) {
                errors.add(FieldError.required("spec.hostPath.path", null));
            } else if (List.of(path.split("/")).contains("..")) {
                errors.add(FieldError.invalid("spec.hostPath.path", path, "must not contain '..'"));
            }
            String type = spec.hostPath().type();
            if (type != null && !HOST_PATH_TYPES.contains(type)) {
                errors.add(FieldError.notSupported("spec.hostPath.type", type, HOST_PATH_TYPES));
            }
        }
        if (spec.local() != null && spec.nodeAffinity() == null) {
            errors.add(FieldError.required("spec.nodeAffinity", "Local volume requires node affinity"));
        }
        return errors;
    }

    /** The source stays what it was: the data lives there. */
    @Override
    public List<FieldError> validateUpdate(PersistentVolume pv, PersistentVolume old) {
        List<FieldError> errors = new ArrayList<>(validate(pv));
        if (pv.spec() != null && old.spec() != null) {
            if (!sourceOf(pv.spec()).equals(sourceOf(old.spec()))) {
                errors.add(FieldError.forbidden("spec.persistentvolumesource",
                        "spec.persistentvolumesource is immutable after creation"));
            }
            if (!Objects.equals(pv.spec().volumeMode(), old.spec().volumeMode())) {
                errors.add(FieldError.invalid("volumeMode", pv.spec().volumeMode(), FieldChecks.IMMUTABLE)); // sic: no "spec."
            }
        }
        return errors;
    }

    private static JsonNode sourceOf(PersistentVolumeSpec spec) {
        ObjectNode tree = (ObjectNode) Json.toTree(spec);
        tree.retain(SOURCES);
        return tree;
    }
}
