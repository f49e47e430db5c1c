package kubelab.api.storage;

import com.fasterxml.jackson.annotation.JsonIgnore;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kubelab.api.core.TopologySelectorTerm;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * A class of storage that claims ask for by name: which {@code provisioner} creates volumes and
 * with what {@code parameters}, their reclaim policy and mount options, whether they may grow,
 * and when to bind ({@code volumeBindingMode}, see {@link VolumeBindingMode}). Like EndpointSlice
 * it has no spec; the fields sit at the top level. The class annotated
 * {@value #IS_DEFAULT_CLASS_ANNOTATION}{@code =true} is given to claims that name none.
 *
 * <p>Real Kubernetes: {@code storagev1.StorageClass}; the default is applied by the
 * {@code DefaultStorageClass} admission plugin.
 */
public record StorageClass(String apiVersion, String kind, ObjectMeta metadata, String provisioner,
                           Map<String, String> parameters, String reclaimPolicy, List<String> mountOptions,
                           Boolean allowVolumeExpansion, String volumeBindingMode,
                           List<TopologySelectorTerm> allowedTopologies) implements KubeObject {

    public static final String KIND = "StorageClass";
    public static final String IS_DEFAULT_CLASS_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    /** The provisioner of classes whose volumes are made by hand (local volumes, for instance). */
    public static final String NO_PROVISIONER = "kubernetes.io/no-provisioner";

    public StorageClass {
        apiVersion = apiVersion == null ? StorageV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
        parameters = parameters == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        mountOptions = mountOptions == null ? List.of() : List.copyOf(mountOptions);
        allowedTopologies = allowedTopologies == null ? List.of() : List.copyOf(allowedTopologies);
    }

    public static StorageClass of(String name, String provisioner, String volumeBindingMode) {
        return new StorageClass(null, null, ObjectMeta.named(name), provisioner, null, null, null, null,
                volumeBindingMode, null);
    }

    /** True if annotated as the cluster's default class. */
    @JsonIgnore // derived, not a field of the object
    public boolean isDefault() {
        return metadata != null && "true".equals(metadata.annotations().get(IS_DEFAULT_CLASS_ANNOTATION));
    }

    @Override
    public StorageClass withMetadata(ObjectMeta metadata) {
        return new StorageClass(apiVersion, kind, metadata, provisioner, parameters, reclaimPolicy, mountOptions,
                allowVolumeExpansion, volumeBindingMode, allowedTopologies);
    }
}
