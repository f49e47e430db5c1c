package kubelab.api.networking;

import com.fasterxml.jackson.annotation.JsonIgnore;
import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/**
 * Names an ingress controller, so Ingresses can choose who serves them by
 * {@code spec.ingressClassName}. The class annotated {@value #IS_DEFAULT_CLASS_ANNOTATION}{@code =true}
 * is given to new Ingresses that name none.
 *
 * <p>Real Kubernetes: {@code networkingv1.IngressClass}; the default is applied by the
 * {@code DefaultIngressClass} admission plugin.
 */
public record IngressClass(String apiVersion, String kind, ObjectMeta metadata, IngressClassSpec spec)
        implements KubeObject {

    public static final String KIND = "IngressClass";
    public static final String IS_DEFAULT_CLASS_ANNOTATION = "ingressclass.kubernetes.io/is-default-class";

    public IngressClass {
        apiVersion = apiVersion == null ? NetworkingV1.API_VERSION : apiVersion;
        kind = kind == null ? KIND : kind;
    }

    public static IngressClass of(String name, String controller) {
        return new IngressClass(null, null, ObjectMeta.named(name), new IngressClassSpec(controller, null));
    }

    @Override
    public IngressClass withMetadata(ObjectMeta metadata) {
        return new IngressClass(apiVersion, kind, metadata, spec);
    }

    public IngressClass withSpec(IngressClassSpec spec) {
        return new IngressClass(apiVersion, kind, metadata, spec);
    }

    /** True if annotated as the cluster's default class. */
    @JsonIgnore // derived, not a field of the object
    public boolean isDefault() {
        return metadata != null && "true".equals(metadata.annotations().get(IS_DEFAULT_CLASS_ANNOTATION));
    }
}
