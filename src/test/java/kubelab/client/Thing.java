package kubelab.client;

import kubelab.api.meta.KubeObject;
import kubelab.api.meta.ObjectMeta;

/** A minimal object for tests: metadata plus one string of spec. */
record Thing(String apiVersion, String kind, ObjectMeta metadata, String spec) implements KubeObject {

    static Thing of(String namespace, String name, String spec) {
        return new Thing("test.kubelab.io/v1", "Thing", ObjectMeta.of(namespace, name), spec);
    }

    @Override
    public Thing withMetadata(ObjectMeta metadata) {
        return new Thing(apiVersion, kind, metadata, spec);
    }

    Thing withSpec(String spec) {
        return new Thing(apiVersion, kind, metadata, spec);
    }

    Thing withLabel(String key, String value) {
        return withMetadata(metadata.withLabel(key, value));
    }

    String resourceVersion() {
        return metadata.resourceVersion();
    }
}
