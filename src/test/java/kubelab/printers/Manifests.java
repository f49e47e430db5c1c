package kubelab.printers;

import kubelab.api.Scheme;
import kubelab.api.meta.KubeObject;
import kubelab.api.serialization.ManifestReader;
import kubelab.api.serialization.ObjectDecoder;

/** Reads one object from YAML, status included, so a test states the object as a user would see it. */
final class Manifests {

    private static final ObjectDecoder DECODER = new ObjectDecoder(Scheme.standard());

    private Manifests() {
    }

    @SuppressWarnings("unchecked")
    static <T extends KubeObject> T decode(String yaml) {
        return (T) DECODER.decode(ManifestReader.read("test.yaml", yaml).get(0)).object();
    }
}
