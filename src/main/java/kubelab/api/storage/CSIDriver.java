package kubelab.api.storage;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Tells Kubernetes how to treat one installed CSI driver, named as the driver names itself:
 * whether volumes need attaching, whether the kubelet passes pod information on mount, which
 * volume lifecycles it supports. Installed with the driver; no controller writes it.
 *
 * <p>Real Kubernetes: {@code storagev1.CSIDriver}.
 */
public record CSIDriver(String apiVersion, String kind, ObjectMeta metadata, CSIDriverSpec spec)
        implements KubeObject {

    public static final String KIND = "CSIDriver";

    public CSIDriver {
        apiVersion = apiVersion == null ? StorageV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static CSIDriver of(String name, CSIDriverSpec spec) {
        return new CSIDriver(null, null, ObjectMeta.named(name), spec);
    }

    @Override
    public CSIDriver withMetadata(ObjectMeta metadata) {
        return new CSIDriver(apiVersion, kind, metadata, spec);
    }
}
